import { AUDIT_ENTITIES, type TAuditEntry } from '@contract';
import { Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { catalogueKeys, type MessageKey } from '../../../src/i18n';
import { useErrorText } from '../app/feedback';
import { formatDateTime } from '../app/format';
import { type Translate, useT } from '../app/i18n';
import { useTaskDrawer } from '../tasks/useTaskDrawer';
import { AuditDiff } from './AuditDiff';
import { useAudit } from './queries';

const LIMITS = [100, 200, 500, 1000];
const known = new Set(catalogueKeys('vi'));

/** Entities and actions in words; a code the catalogue does not know is shown as is. */
function label(t: Translate, key: string, fallback: string): string {
  return known.has(key) ? t(key as MessageKey) : fallback;
}

function EntityCell({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  const { open } = useTaskDrawer();
  const text = `${label(t, `ui.audit.entity.${entry.entity}`, entry.entity)} #${entry.entityId}`;
  if (entry.entity !== 'task') return text;
  return (
    <button type="button" className="task-link" style={{ color: '#1f4e8c' }} onClick={() => open(Number(entry.entityId))}>
      {text}
    </button>
  );
}

export function AuditPage() {
  const t = useT();
  const [entity, setEntity] = useState<string>();
  const [limit, setLimit] = useState(200);
  const audit = useAudit(entity, limit);
  const errorText = useErrorText();
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.audit')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select<string>
            allowClear
            value={entity}
            onChange={setEntity}
            placeholder={t('ui.audit.entityFilter')}
            aria-label={t('ui.audit.entityFilter')}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: label(t, `ui.audit.entity.${e}`, e) }))}
            style={{ width: 220 }}
            data-testid="audit-entity"
          />
          <Select<number>
            value={limit}
            onChange={setLimit}
            options={LIMITS.map((n) => ({ value: n, label: t('ui.audit.limit', { count: n }) }))}
            aria-label={t('ui.audit.limitLabel')}
            data-testid="audit-limit"
          />
        </Flex>
      </Flex>
      {audit.isError && <Typography.Text type="danger">{errorText(audit.error)}</Typography.Text>}
      <Table<TAuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={audit.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 700 }}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
        columns={[
          { key: 'at', title: t('ui.audit.at'), width: 150, render: (_, e) => formatDateTime(e.at) },
          { key: 'actor', title: t('ui.audit.actor'), render: (_, e) => e.actor?.fullName ?? t('ui.audit.system') },
          { key: 'entity', title: t('ui.audit.entity'), render: (_, e) => <EntityCell entry={e} /> },
          { key: 'action', title: t('ui.audit.action'), render: (_, e) => label(t, `ui.audit.action.${e.action}`, e.action) },
        ]}
      />
    </>
  );
}
