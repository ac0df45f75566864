import type { THistoryEntry, TTaskDetail } from '@contract';
import { Empty, Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '../app/format';
import { type Translate, useT } from '../app/i18n';

const KIND_COLOR: Record<THistoryEntry['kind'], string> = {
  created: 'gray',
  edited: 'blue',
  progress: 'blue',
  comment: 'gray',
  file: 'blue',
  done: 'green',
  reopened: 'red',
  confirmed: 'green',
  returned: 'red',
};

function describe(t: Translate, entry: THistoryEntry, fileName: string | undefined): string {
  const parts = [t(`ui.history.${entry.kind}`)];
  if (entry.progress !== null && entry.kind === 'progress') parts.push(`${entry.progress}%`);
  if (entry.occurrence) parts.push(t('ui.history.forOccurrence', { date: formatDate(entry.occurrence) }));
  if (entry.backdatedTo) parts.push(t('ui.history.backdated', { date: formatDate(entry.backdatedTo) }));
  if (fileName) parts.push(fileName);
  return parts.join(' · ');
}

export function TaskHistory({ task }: { task: TTaskDetail }) {
  const t = useT();
  if (task.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const fileNames = new Map(task.files.map((f) => [f.id, f.name]));
  const entries = [...task.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="task-history"
      items={entries.map((entry) => ({
        key: entry.id,
        color: KIND_COLOR[entry.kind],
        content: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {formatDateTime(entry.at)}
            </Typography.Text>
            <Typography.Text strong>{entry.user.fullName}</Typography.Text> <span>{describe(t, entry, entry.fileId === null ? undefined : fileNames.get(entry.fileId))}</span>
            {entry.note && entry.note !== fileNames.get(entry.fileId ?? 0) && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-line' }}>{entry.note}</Typography.Paragraph>
            )}
            {entry.reason && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-line' }} data-testid="history-reason">
                {t('ui.history.reason', { reason: entry.reason })}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
