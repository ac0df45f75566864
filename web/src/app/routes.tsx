import { Result } from 'antd';
import type { ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AuditPage } from '../admin/AuditPage';
import { CalendarPage } from '../admin/CalendarPage';
import { CommunesPage } from '../admin/CommunesPage';
import { UnitsPage } from '../admin/UnitsPage';
import { UsersPage } from '../admin/UsersPage';
import { LoginPage } from '../auth/LoginPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { PlanPage } from '../plans/PlanPage';
import { PlansPage } from '../plans/PlansPage';
import { CityTasksPage } from '../tasks/CityTasksPage';
import { AppLayout } from './AppLayout';
import { RequireAuth, usePermissions } from './auth';
import { CommuneProvider } from './commune';
import { useT } from './i18n';

function Forbidden() {
  const t = useT();
  return <Result status="403" title={t('error.forbidden')} />;
}

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('ui.notFound')} />;
}

function OnlyIf({ allowed, children }: { allowed: 'admin' | 'audit'; children: ReactNode }) {
  const permissions = usePermissions();
  return permissions[allowed] ? children : <Forbidden />;
}

function PrivateShell() {
  return (
    <RequireAuth>
      <CommuneProvider>
        <Outlet />
      </CommuneProvider>
    </RequireAuth>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <PrivateShell />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'plans', element: <PlansPage /> },
          { path: 'plans/:planId', element: <PlanPage /> },
          { path: 'city-tasks', element: <CityTasksPage /> },
          { path: 'admin/communes', element: <OnlyIf allowed="admin"><CommunesPage /></OnlyIf> },
          { path: 'admin/units', element: <OnlyIf allowed="admin"><UnitsPage /></OnlyIf> },
          { path: 'admin/users', element: <OnlyIf allowed="admin"><UsersPage /></OnlyIf> },
          { path: 'admin/calendar', element: <OnlyIf allowed="admin"><CalendarPage /></OnlyIf> },
          { path: 'admin/audit', element: <OnlyIf allowed="audit"><AuditPage /></OnlyIf> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
