import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUnit } from '@contract';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';
import { useCommunes, useUnits } from '../app/reference';
import { AdminCommuneSelect, useAdminCommune } from './AdminCommuneSelect';
import { UnitAliases } from './UnitAliases';
import { UnitModal } from './UnitModal';

export function UnitsPage() {
  const t = useT();
  const { communeId, setCommuneId } = useAdminCommune();
  const units = useUnits(communeId);
  const commune = useCommunes().data?.find((c) => c.id === communeId);
  const [editing, setEditing] = useState<TUnit | null | 'new'>(null);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.units')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <AdminCommuneSelect value={communeId} onChange={setCommuneId} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!commune?.canManageUnits} data-testid="unit-add">
            {t('ui.units.add')}
          </Button>
        </Flex>
      </Flex>
      <Table<TUnit>
        data-testid="units-table"
        rowKey="id"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'name',
            title: t('ui.units.name'),
            width: 260,
            render: (_, u) => (
              <>
                <Typography.Text strong={u.isCoordinator} delete={!u.active}>
                  {u.name}
                </Typography.Text>
                {u.shortName && <div className="muted">{u.shortName}</div>}
              </>
            ),
          },
          {
            key: 'kind',
            title: t('ui.units.kind'),
            width: 150,
            render: (_, u) => (
              <>
                {t(`ui.units.kind.${u.kind}`)}
                {u.isCoordinator && (
                  <Tag color="blue" style={{ marginInlineStart: 4 }}>
                    {t('ui.units.coordinatorTag')}
                  </Tag>
                )}
                {!u.active && <Tag>{t('ui.inactive')}</Tag>}
              </>
            ),
          },
          { key: 'aliases', title: t('ui.units.aliases'), render: (_, u) => <UnitAliases unit={u} /> },
          {
            key: 'actions',
            title: '',
            width: 60,
            render: (_, u) => u.canEdit && <Button icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('ui.edit')} data-testid="unit-edit" />,
          },
        ]}
      />
      {editing !== null && communeId !== null && <UnitModal communeId={communeId} unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
