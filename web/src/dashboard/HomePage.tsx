import { UNIT_ROLES } from '@contract';
import { Navigate } from 'react-router-dom';
import { usePermissions, useUser } from '../app/auth';
import { MyWorkPage } from '../tasks/MyWorkPage';
import { DashboardPage } from './DashboardPage';

const isUnitRole = (role: string) => (UNIT_ROLES as readonly string[]).includes(role);

/**
 * Where people land after signing in: the city's reviewers and administrators on every commune
 * (/city), a unit's head and staff on their unit's work, everyone else on the commune's dashboard.
 */
export function HomePage() {
  const user = useUser();
  const { canSeeCityOverview } = usePermissions();
  if (user.communeId === null && canSeeCityOverview) return <Navigate to="/city" replace />;
  return isUnitRole(user.role) ? <MyWorkPage /> : <DashboardPage />;
}
