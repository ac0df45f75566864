import type { TAuditEntry } from '@contract';
import { Table } from 'antd';
import { catalogueKeys, type MessageKey } from '../../../src/i18n';
import { formatDate, formatDateTime } from '../app/format';
import { type Translate, useT } from '../app/i18n';

const known = new Set(catalogueKeys('vi'));

interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const EMPTY = '—';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T/;

/** A value as an official reads it: dates dd/mm/yyyy, "—" for nothing, yes/no, lists joined, a schedule by its text. */
function show(t: Translate, value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? t('ui.audit.yes') : t('ui.audit.no');
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_MOMENT.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => show(t, v)).join(', ');
  const record = asRecord(value);
  if (typeof record.text === 'string') return record.text || EMPTY;
  return JSON.stringify(value);
}

/** A field's Vietnamese label; a field the catalogue does not know keeps its code. */
function fieldLabel(t: Translate, field: string): string {
  const key = `ui.audit.fieldName.${field}`;
  return known.has(key) ? t(key as MessageKey) : field;
}

/** Only the fields that changed, side by side. */
function changedFields(t: Translate, before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, before: show(t, b[field]), after: show(t, a[field]) })).filter((change) => change.before !== change.after);
}

export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  return (
    <Table<FieldChange>
      data-testid="audit-diff"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changedFields(t, entry.before, entry.after)}
      locale={{ emptyText: t('ui.audit.noChanges') }}
      columns={[
        { key: 'field', title: t('ui.audit.field'), width: 160, render: (_, c) => fieldLabel(t, c.field) },
        { key: 'before', title: t('ui.audit.before'), render: (_, c) => <span style={{ color: '#a8071a', wordBreak: 'break-word' }}>{c.before}</span> },
        { key: 'after', title: t('ui.audit.after'), render: (_, c) => <span style={{ color: '#237804', wordBreak: 'break-word' }}>{c.after}</span> },
      ]}
    />
  );
}
