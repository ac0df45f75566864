import { KeyOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Lang } from '../../../src/i18n';
import { ChangePasswordModal } from '../auth/ChangePassword';
import { NotificationBell } from '../notifications/NotificationBell';
import { api } from './api';
import { ME_KEY, usePermissions, useUser } from './auth';
import { useCommune } from './commune';
import { useNotify } from './feedback';
import { useLang } from './i18n';
import { useCommunes } from './reference';

function CommuneSelector() {
  const { t } = useLang();
  const communes = useCommunes();
  const { communeId, setCommuneId } = useCommune();
  return (
    <Select
      data-testid="commune-selector"
      aria-label={t('ui.header.commune')}
      showSearch={{ optionFilterProp: 'label' }}
      value={communeId ?? undefined}
      onChange={setCommuneId}
      loading={communes.isPending}
      placeholder={t('ui.header.commune')}
      options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      style={{ minWidth: 180, maxWidth: 260 }}
    />
  );
}

function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/login');
    },
    onError: notify.error,
  });
}

export function AppHeader({ compact, onMenu }: { compact: boolean; onMenu: () => void }) {
  const user = useUser();
  const { lang, setLang, t } = useLang();
  const permissions = usePermissions();
  const logout = useLogout();
  const cityName = useCommunes().data?.[0]?.cityName;
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Flex align="center" justify="space-between" gap={12} className="app-header" wrap={false}>
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        {compact && <Button type="text" icon={<MenuOutlined />} onClick={onMenu} aria-label={t('ui.nav.open')} data-testid="nav-open" />}
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong className="app-header-title" ellipsis data-testid="header-commune">
            {user.communeName ?? cityName ?? t('ui.header.cityLevel')}
          </Typography.Text>
          {!compact && <div className="app-header-sub">{t('app.name')}</div>}
        </div>
        {permissions.chooseCommune && !compact && <CommuneSelector />}
      </Flex>
      <Flex align="center" gap={8} wrap={false}>
        <NotificationBell />
        <div className="app-header-user" data-testid="header-user">
          <Typography.Text strong ellipsis>
            {user.fullName}
          </Typography.Text>
          {!compact && <div className="app-header-sub">{t(`role.${user.role}`)}</div>}
        </div>
        <Segmented
          size="small"
          value={lang}
          onChange={(value) => setLang(value as Lang)}
          options={[
            { value: 'vi', label: 'VI' },
            { value: 'en', label: 'EN' },
          ]}
          aria-label={t('ui.header.language')}
          data-testid="lang-switch"
        />
        <Button
          icon={<KeyOutlined />}
          onClick={() => setChangingPassword(true)}
          data-testid="change-password-open"
          aria-label={t('ui.password.change')}
          title={t('ui.password.change')}
        />
        {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
        <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending} data-testid="logout" aria-label={t('ui.header.logout')}>
          {compact ? null : t('ui.header.logout')}
        </Button>
      </Flex>
    </Flex>
  );
}

export { CommuneSelector };
