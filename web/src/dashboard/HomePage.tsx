import { UNIT_ROLES } from '@contract';
import { useUser } from '../app/auth';
import { MyWorkPage } from '../tasks/MyWorkPage';
import { DashboardPage } from './DashboardPage';

const isUnitRole = (role: string) => (UNIT_ROLES as readonly string[]).includes(role);

/** Where people land after signing in: a unit's head and staff on their unit's work, everyone else on the commune's dashboard. */
export function HomePage() {
  const user = useUser();
  return isUnitRole(user.role) ? <MyWorkPage /> : <DashboardPage />;
}
