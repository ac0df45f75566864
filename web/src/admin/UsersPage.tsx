import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUser } from '@contract';
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { AdminCommuneSelect, CITY_LEVEL, useAdminCommune } from './AdminCommuneSelect';
import { PasswordModal } from './PasswordModal';
import { useUsers } from './queries';
import { UserModal } from './UserModal';

export function UsersPage() {
  const t = useT();
  const { communeId: chosen, setCommuneId } = useAdminCommune();
  const cityLevel = chosen === CITY_LEVEL;
  const communeId = cityLevel ? null : chosen;
  const users = useUsers(communeId);
  const units = useUnits(communeId);
  // Without a commune the API lists everyone: keep the city-level people only.
  const shown = (users.data ?? []).filter((u) => !cityLevel || u.communeId === null);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const [editing, setEditing] = useState<TUser | null | 'new'>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.users')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <AdminCommuneSelect value={chosen} onChange={setCommuneId} withCityLevel />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-add">
            {t('ui.users.add')}
          </Button>
        </Flex>
      </Flex>
      <Table<TUser>
        data-testid="users-table"
        rowKey="id"
        loading={users.isPending}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'username', title: t('ui.login.username'), render: (_, u) => u.username },
          {
            key: 'fullName',
            title: t('ui.users.fullName'),
            render: (_, u) => (
              <>
                {u.fullName}
                {u.title && <div className="muted">{u.title}</div>}
              </>
            ),
          },
          { key: 'role', title: t('ui.users.role'), render: (_, u) => t(`role.${u.role}`) },
          { key: 'unit', title: t('ui.users.unit'), render: (_, u) => (u.unitId ? (unitName.get(u.unitId) ?? '') : '—') },
          {
            key: 'active',
            title: t('ui.users.state'),
            render: (_, u) => (u.active ? <Tag color="green">{t('ui.active')}</Tag> : <Tag>{t('ui.inactive')}</Tag>),
          },
          {
            key: 'actions',
            title: '',
            width: 100,
            render: (_, u) => (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('ui.edit')} data-testid="user-edit" />
                <Button
                  icon={<KeyOutlined />}
                  onClick={() => setResetting(u)}
                  aria-label={t('ui.users.resetPassword')}
                  title={t('ui.users.resetPassword')}
                  data-testid="user-reset-password"
                />
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && <UserModal user={editing === 'new' ? null : editing} communeId={communeId} onClose={() => setEditing(null)} />}
      {resetting && <PasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
