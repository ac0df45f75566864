import { AUDIT_PERSON_FIELDS, AUDIT_UNIT_FIELDS, type TAuditEntry, type TAuditNames } from '@contract';
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

const UNIT_FIELDS = new Set<string>(AUDIT_UNIT_FIELDS);
const PERSON_FIELDS = new Set<string>(AUDIT_PERSON_FIELDS);

/** Unit and person ids by the names the server sent; an id it could not name (deleted) stays "#id". */
function named(field: string, value: unknown, names: TAuditNames): unknown {
  const table = UNIT_FIELDS.has(field) ? names.units : PERSON_FIELDS.has(field) ? names.people : null;
  if (table === null) return value;
  const name = (id: unknown) => (typeof id === 'number' ? (table[String(id)] ?? `#${id}`) : id);
  return Array.isArray(value) ? value.map(name) : name(value);
}

/** A field's Vietnamese label; a field the catalogue does not know keeps its code. */
function fieldLabel(t: Translate, field: string): string {
  const key = `ui.audit.fieldName.${field}`;
  return known.has(key) ? t(key as MessageKey) : field;
}

/** Only the fields that changed, side by side. */
function changedFields(t: Translate, entry: TAuditEntry): FieldChange[] {
  const b = asRecord(entry.before);
  const a = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const showField = (field: string, value: unknown) => show(t, named(field, value, entry.names));
  return fields.map((field) => ({ field, before: showField(field, b[field]), after: showField(field, a[field]) })).filter((change) => change.before !== change.after);
}

export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  return (
    <Table<FieldChange>
      data-testid="audit-diff"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changedFields(t, entry)}
      locale={{ emptyText: t('ui.audit.noChanges') }}
      columns={[
        { key: 'field', title: t('ui.audit.field'), width: 160, render: (_, c) => fieldLabel(t, c.field) },
        { key: 'before', title: t('ui.audit.before'), render: (_, c) => <span style={{ color: '#a8071a', wordBreak: 'break-word' }}>{c.before}</span> },
        { key: 'after', title: t('ui.audit.after'), render: (_, c) => <span style={{ color: '#237804', wordBreak: 'break-word' }}>{c.after}</span> },
      ]}
    />
  );
}
