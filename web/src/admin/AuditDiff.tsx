import type { TAuditEntry } from '@contract';
import { Table } from 'antd';
import { useT } from '../app/i18n';

interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Only the fields that changed, side by side. */
function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, before: show(b[field]), after: show(a[field]) })).filter((change) => change.before !== change.after);
}

export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  return (
    <Table<FieldChange>
      data-testid="audit-diff"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changedFields(entry.before, entry.after)}
      locale={{ emptyText: t('ui.audit.noChanges') }}
      columns={[
        { key: 'field', title: t('ui.audit.field'), width: 160, render: (_, c) => <code>{c.field}</code> },
        { key: 'before', title: t('ui.audit.before'), render: (_, c) => <span style={{ color: '#a8071a', wordBreak: 'break-word' }}>{c.before}</span> },
        { key: 'after', title: t('ui.audit.after'), render: (_, c) => <span style={{ color: '#237804', wordBreak: 'break-word' }}>{c.after}</span> },
      ]}
    />
  );
}
