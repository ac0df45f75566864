import { AUDIT_ENTITIES, type TAuditEntry } from '@contract';
import { DatePicker, Flex, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { catalogueKeys, type MessageKey } from '../../../src/i18n';
import { useCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { DATE_FORMAT, formatDateTime, toIsoDate } from '../app/format';
import { type Translate, useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { useTaskDrawer } from '../tasks/useTaskDrawer';
import { AuditDiff } from './AuditDiff';
import { useAudit } from './queries';

const LIMITS = [100, 200, 500, 1000];
const known = new Set(catalogueKeys('vi'));

/** Entities and actions in words; a code the catalogue does not know is shown as is. */
function label(t: Translate, key: string, fallback: string): string {
  return known.has(key) ? t(key as MessageKey) : fallback;
}

/** A unit's, person's or commune's name when the entry is about one (the server sends it with the entry). */
function subjectName(entry: TAuditEntry): string | undefined {
  if (entry.entity === 'unit') return entry.names.units[String(entry.entityId)];
  if (entry.entity === 'user') return entry.names.people[String(entry.entityId)];
  if (entry.entity === 'commune') return entry.names.communes[String(entry.entityId)];
  return undefined;
}

function EntityCell({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  const { open } = useTaskDrawer();
  const text = entry.task
    ? t('ui.audit.taskSubject', { number: entry.task.number ?? '—', content: entry.task.content.length > 90 ? `${entry.task.content.slice(0, 89)}…` : entry.task.content })
    : `${label(t, `ui.audit.entity.${entry.entity}`, entry.entity)}: ${subjectName(entry) ?? `#${entry.entityId}`}`;
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
  const [taskId, setTaskId] = useState<number>();
  const [unitId, setUnitId] = useState<number>();
  const [actorId, setActorId] = useState<number>();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { communeId } = useCommune();
  const units = useUnits(communeId);
  const audit = useAudit({ entity, limit, taskId, unitId, actorId, from: days?.[0] ? toIsoDate(days[0]) : undefined, to: days?.[1] ? toIsoDate(days[1]) : undefined });
  // People and tasks to pick from: those the log has shown (the server filters, so a pick never loses entries).
  const [seen, setSeen] = useState<{ people: Map<number, string>; tasks: Map<number, string> }>({ people: new Map(), tasks: new Map() });
  useEffect(() => {
    if (!audit.data) return;
    setSeen((prev) => {
      const people = new Map(prev.people);
      const tasks = new Map(prev.tasks);
      for (const e of audit.data) {
        if (e.actor) people.set(e.actor.id, e.actor.fullName);
        if (e.task) tasks.set(e.entityId, `${e.task.number ?? '—'}. ${e.task.content.slice(0, 80)}`);
      }
      return { people, tasks };
    });
  }, [audit.data]);
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
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={taskId}
            onChange={setTaskId}
            placeholder={t('ui.audit.taskFilter')}
            aria-label={t('ui.audit.taskFilter')}
            options={[...seen.tasks].map(([value, text]) => ({ value, label: text }))}
            style={{ width: 260 }}
            data-testid="audit-task"
          />
          <Select<number>
            allowClear
            value={unitId}
            onChange={setUnitId}
            placeholder={t('ui.audit.unitFilter')}
            aria-label={t('ui.audit.unitFilter')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 220 }}
            data-testid="audit-unit"
          />
          <Select<number>
            allowClear
            value={actorId}
            onChange={setActorId}
            placeholder={t('ui.audit.actorFilter')}
            aria-label={t('ui.audit.actorFilter')}
            options={[...seen.people].map(([value, name]) => ({ value, label: name }))}
            style={{ width: 200 }}
            data-testid="audit-actor"
          />
          <DatePicker.RangePicker format={DATE_FORMAT} value={days} onChange={(v) => setDays(v)} allowEmpty={[true, true]} data-testid="audit-days" />
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
