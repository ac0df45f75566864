import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  ImportOutlined,
  IssuesCloseOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { UNIT_ROLES } from '@contract';
import { Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { AppHeader, CommuneSelector } from './AppHeader';
import { usePermissions, useUser } from './auth';
import { useT } from './i18n';

type MenuItem = Required<MenuProps>['items'][number];

function useMenuItems(): MenuItem[] {
  const t = useT();
  const permissions = usePermissions();
  const user = useUser();
  // A unit's head and staff land on their unit's work ("/"); the commune's dashboard stays a click away.
  const unitMember = (UNIT_ROLES as readonly string[]).includes(user.role);
  // The city's reviewers and administrators land on /city ("/" takes them there); the chosen commune's dashboard is /dashboard.
  const cityLanding = user.communeId === null && permissions.canSeeCityOverview;
  const items: MenuItem[] = [
    ...(unitMember
      ? [
          { key: '/', icon: <CheckSquareOutlined />, label: t('ui.nav.myWork') },
          { key: '/dashboard', icon: <DashboardOutlined />, label: t('ui.nav.dashboard') },
        ]
      : [{ key: cityLanding ? '/dashboard' : '/', icon: <DashboardOutlined />, label: t('ui.nav.dashboard') }]),
    { key: '/plans', icon: <FileTextOutlined />, label: t('ui.nav.plans') },
    { key: '/city-tasks', icon: <FlagOutlined />, label: t('ui.nav.cityTasks') },
    { key: '/reports', icon: <FileDoneOutlined />, label: t('ui.nav.reports') },
    { key: '/dossiers', icon: <FileSearchOutlined />, label: t('ui.nav.dossiers') },
  ];
  // Inspections live in one commune: coordinator, leaders, teams, and the inspected units (their own only, the server decides).
  if (user.communeId !== null) {
    items.push(
      { key: '/inspections', icon: <FormOutlined />, label: t(unitMember ? 'ui.insp.unitTitle' : 'ui.nav.inspections') },
      { key: '/inspections/findings', icon: <IssuesCloseOutlined />, label: t('ui.nav.findings') },
    );
  }
  // The commune's reminder rules: managers edit them; the inspector and city reviewer read them.
  if (!unitMember) items.push({ key: '/reminder-settings', icon: <AlertOutlined />, label: t('ui.nav.reminderSettings') });
  if (permissions.canSeeCityOverview) {
    items.unshift(
      { key: '/city', icon: <BankOutlined />, label: t('ui.nav.city') },
      { key: '/city/directives', icon: <FlagOutlined />, label: t('ui.nav.directives') },
      { key: '/city/indicators', icon: <FileSearchOutlined />, label: t('ui.nav.cityIndicators') },
    );
  }
  if (permissions.canManagePlans)
    items.splice(items.findIndex((item) => item?.key === '/plans') + 1, 0, { key: '/plans/import', icon: <ImportOutlined />, label: t('ui.nav.import') });
  const admin: MenuItem[] = [];
  if (permissions.canAdminister) {
    admin.push(
      { key: '/admin/communes', icon: <BankOutlined />, label: t('ui.nav.communes') },
      { key: '/admin/units', icon: <ClusterOutlined />, label: t('ui.nav.units') },
      { key: '/admin/users', icon: <TeamOutlined />, label: t('ui.nav.users') },
      { key: '/admin/calendar', icon: <CalendarOutlined />, label: t('ui.nav.calendar') },
    );
  }
  if (permissions.canSeeAudit) admin.push({ key: '/admin/audit', icon: <AuditOutlined />, label: t('ui.nav.audit') });
  if (admin.length > 0) items.push({ key: 'admin', icon: <SettingOutlined />, label: t('ui.nav.admin'), children: admin });
  return items;
}

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/city/directives')) return '/city/directives';
  if (pathname.startsWith('/plans/import')) return '/plans/import';
  if (pathname.startsWith('/plans')) return '/plans';
  if (pathname.startsWith('/inspections/findings')) return '/inspections/findings';
  if (pathname.startsWith('/inspections')) return '/inspections';
  return pathname;
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const items = useMenuItems();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(pathname)]}
      defaultOpenKeys={pathname.startsWith('/admin') ? ['admin'] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      data-testid="nav-menu"
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** On a phone the header has no room for the role: the menu drawer shows it. */
function NavDrawerTitle() {
  const user = useUser();
  const t = useT();
  return (
    <div>
      <div>{user.fullName}</div>
      <div className="app-header-sub">{t(`role.${user.role}`)}</div>
    </div>
  );
}

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const compact = screens.lg === false;
  const [navOpen, setNavOpen] = useState(false);
  const permissions = usePermissions();
  return (
    <Layout className="app-root">
      <Layout.Header className="app-header-bar">
        <AppHeader compact={compact} onMenu={() => setNavOpen(true)} />
      </Layout.Header>
      <Layout>
        {!compact && (
          <Layout.Sider width={290} theme="light" className="app-sider">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {compact && (
        <Drawer open={navOpen} onClose={() => setNavOpen(false)} placement="left" size={310} title={<NavDrawerTitle />} styles={{ body: { padding: 8 } }} data-testid="nav-drawer">
          {permissions.chooseCommune && (
            <div style={{ marginBottom: 12 }}>
              <CommuneSelector />
            </div>
          )}
          <NavMenu onNavigate={() => setNavOpen(false)} />
        </Drawer>
      )}
      <TaskDrawer />
    </Layout>
  );
}
