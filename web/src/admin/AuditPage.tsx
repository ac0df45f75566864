import { Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../app/api-types';
import { useErrorText } from '../app/feedback';
import { formatDateTime } from '../app/format';
import { useT } from '../app/i18n';
import { useDebounced } from '../app/useDebounced';
import { AuditDiff } from './AuditDiff';
import { useAudit } from './queries';

const LIMITS = [100, 200, 500, 1000];

export function AuditPage() {
  const t = useT();
  const [entity, setEntity] = useState('');
  const [limit, setLimit] = useState(200);
  const debounced = useDebounced(entity.trim());
  const audit = useAudit(debounced || undefined, limit);
  const errorText = useErrorText();
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.audit')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Input
            allowClear
            value={entity}
            onChange={(e) => setEntity(e.target.value)}
            placeholder={t('ui.audit.entityFilter')}
            aria-label={t('ui.audit.entityFilter')}
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
      <Table<AuditEntry>
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
          { key: 'entity', title: t('ui.audit.entity'), render: (_, e) => `${e.entity} #${e.entityId}` },
          { key: 'action', title: t('ui.audit.action'), render: (_, e) => e.action },
        ]}
      />
    </>
  );
}
