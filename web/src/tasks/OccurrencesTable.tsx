import type { TCheckpoint } from '@contract';
import { Table } from 'antd';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { StatusTag } from '../app/status';

export function OccurrencesTable({ occurrences }: { occurrences: TCheckpoint[] }) {
  const t = useT();
  return (
    <Table<TCheckpoint>
      size="small"
      rowKey="due"
      pagination={false}
      dataSource={occurrences}
      data-testid="task-occurrences"
      columns={[
        { key: 'due', title: t('ui.task.due'), render: (_, o) => formatDate(o.due) },
        { key: 'doneAt', title: t('ui.task.doneAt'), render: (_, o) => formatDate(o.doneAt) || '—' },
        { key: 'status', title: t('ui.tasks.col.status'), render: (_, o) => <StatusTag status={o.status} /> },
      ]}
    />
  );
}
