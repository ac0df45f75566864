import type { TTaskDetail } from '@contract';
import { Alert, Descriptions, type DescriptionsProps } from 'antd';
import { areaLabel, formatDate, formatDateTime } from '../app/format';
import { useT } from '../app/i18n';
import { TaskProgress } from './TaskProgress';

function useItems(task: TTaskDetail): DescriptionsProps['items'] {
  const t = useT();
  const due = task.nextDue ?? task.due;
  const items: DescriptionsProps['items'] = [
    { key: 'area', label: t('ui.task.area'), children: areaLabel(t, task.area) },
    { key: 'lead', label: t('ui.tasks.col.lead'), children: task.leadUnits.map((u) => u.name).join('; ') || '—' },
    {
      key: 'coordinating',
      label: t('ui.tasks.col.coordinating'),
      children: task.coordinatorUnits.map((u) => u.name).join('; ') || '—',
    },
    { key: 'timeframe', label: t('ui.task.timeframe'), children: task.timeframeText || '—' },
    { key: 'kind', label: t('ui.task.scheduleKind'), children: t(`scheduleKind.${task.schedule.kind}`) },
    {
      key: 'due',
      label: task.nextDue ? t('ui.task.nextDue') : t('ui.task.due'),
      children: due ? `${formatDate(due)}${task.dueOverride ? ` (${t('ui.tasks.dueOverridden')})` : ''}` : '—',
    },
    { key: 'product', label: t('ui.tasks.col.product'), children: task.product || '—' },
    { key: 'progress', label: t('ui.tasks.col.progress'), children: <TaskProgress task={task} /> },
  ];
  if (task.doneAt) items.push({ key: 'doneAt', label: t('ui.task.doneAt'), children: formatDate(task.doneAt) });
  if (task.daysLate) items.push({ key: 'late', label: t('ui.task.daysLate'), children: task.daysLate });
  items.push({ key: 'origin', label: t('ui.task.origin'), children: t(`origin.${task.origin}`) });
  if (task.sourceDocument) items.push({ key: 'source', label: t('ui.tasks.col.source'), children: task.sourceDocument });
  if (task.assignees.length > 0) {
    items.push({ key: 'assignees', label: t('ui.task.assignees'), children: task.assignees.map((a) => a.fullName).join(', ') });
  }
  items.push({ key: 'updated', label: t('ui.task.updatedAt'), children: formatDateTime(task.updatedAt) });
  return items;
}

export function TaskFacts({ task }: { task: TTaskDetail }) {
  const items = useItems(task);
  const t = useT();
  return (
    <>
      {task.schedule.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('ui.tasks.timeframeWarning')}
          description={task.schedule.warnings.join(' · ')}
          style={{ marginBottom: 12 }}
          data-testid="task-warnings"
        />
      )}
      <Descriptions size="small" bordered column={1} items={items} data-testid="task-facts" />
    </>
  );
}
