import { Result, Spin } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { LoginPage } from '../auth/LoginPage';
import { ImportPage } from '../imports/ImportPage';
import { ChecklistPage } from '../inspections/ChecklistPage';
import { PlanPage } from '../plans/PlanPage';
import { PlansPage } from '../plans/PlansPage';
import { ReportPage } from '../reports/ReportPage';
import { ReportsPage } from '../reports/ReportsPage';
import { TemplatesPage } from '../reports/TemplatesPage';
import { CityTasksPage } from '../tasks/CityTasksPage';
import { DashboardTasksPage } from '../tasks/DashboardTasksPage';
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

function OnlyIf({ allowed, children }: { allowed: 'canAdminister' | 'canSeeAudit' | 'canManageCity'; children: ReactNode }) {
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

// Charts and administration load on first visit, so the first screen comes up sooner.
const dossiers = () => import('../dossiers/DossiersPage').then((m) => ({ Component: m.DossiersPage }));
const dashboard = () => import('../dashboard/DashboardPage').then((m) => ({ Component: m.DashboardPage }));
/** Unit heads and staff land on their unit's work; leaders, coordinators and the city on the commune's dashboard. */
const home = () => import('../dashboard/HomePage').then((m) => ({ Component: m.HomePage }));
const adminPage = (allowed: 'canAdminister' | 'canSeeAudit' | 'canManageCity', load: () => Promise<ComponentType>) => async () => {
  const Page = await load();
  return {
    element: (
      <OnlyIf allowed={allowed}>
        <Page />
      </OnlyIf>
    ),
  };
};

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <PrivateShell />,
    // Shown while the first lazily loaded page (dashboard, administration) arrives.
    hydrateFallbackElement: <Spin size="large" fullscreen />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, lazy: home },
          { path: 'dashboard', lazy: dashboard },
          { path: 'my-work', lazy: () => import('../tasks/MyWorkPage').then((m) => ({ Component: m.MyWorkPage })) },
          { path: 'tasks', element: <DashboardTasksPage /> },
          { path: 'city', lazy: () => import('../city/CityOverviewPage').then((m) => ({ Component: m.CityOverviewPage })) },
          { path: 'city/indicators', lazy: () => import('../dossiers/CityIndicatorsPage').then((m) => ({ Component: m.CityIndicatorsPage })) },
          { path: 'city/directives', lazy: () => import('../city/DirectivesPage').then((m) => ({ Component: m.DirectivesPage })) },
          { path: 'city/directives/:directiveId', lazy: () => import('../city/DirectivesPage').then((m) => ({ Component: m.DirectivePage })) },
          { path: 'plans', element: <PlansPage /> },
          { path: 'plans/import', element: <ImportPage /> },
          { path: 'plans/:planId', element: <PlanPage /> },
          { path: 'city-tasks', element: <CityTasksPage /> },
          { path: 'inspections', lazy: () => import('../inspections/InspectionsPage').then((m) => ({ Component: m.InspectionsPage })) },
          { path: 'inspections/findings', lazy: () => import('../inspections/Findings').then((m) => ({ Component: m.FindingsPage })) },
          { path: 'inspections/plans/import', lazy: () => import('../inspections/ImportPlanPage').then((m) => ({ Component: m.ImportPlanPage })) },
          { path: 'inspections/plans/:planId', lazy: () => import('../inspections/InspectionPlanPage').then((m) => ({ Component: m.InspectionPlanPage })) },
          { path: 'inspections/:inspectionId', lazy: () => import('../inspections/InspectionPage').then((m) => ({ Component: m.InspectionPage })) },
          // Loaded with the app, not on first visit: the checklist must open again without a connection.
          { path: 'inspections/:inspectionId/checklist', element: <ChecklistPage /> },
          { path: 'dossiers', lazy: dossiers },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'reminder-settings', lazy: () => import('../notifications/ReminderSettingsPage').then((m) => ({ Component: m.ReminderSettingsPage })) },
          { path: 'reports/templates', lazy: adminPage('canManageCity', async () => TemplatesPage) },
          { path: 'reports/:reportId', element: <ReportPage /> },
          { path: 'admin/communes', lazy: adminPage('canAdminister', () => import('../admin/CommunesPage').then((m) => m.CommunesPage)) },
          { path: 'admin/units', lazy: adminPage('canAdminister', () => import('../admin/UnitsPage').then((m) => m.UnitsPage)) },
          { path: 'admin/users', lazy: adminPage('canAdminister', () => import('../admin/UsersPage').then((m) => m.UsersPage)) },
          { path: 'admin/calendar', lazy: adminPage('canAdminister', () => import('../admin/CalendarPage').then((m) => m.CalendarPage)) },
          { path: 'admin/audit', lazy: adminPage('canSeeAudit', () => import('../admin/AuditPage').then((m) => m.AuditPage)) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
