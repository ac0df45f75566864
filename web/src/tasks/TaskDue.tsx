import { WarningOutlined } from '@ant-design/icons';
import type { TTask } from '@contract';
import { Tooltip, Typography } from 'antd';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';

/** The time-frame text as written, the deadline understood from it, and why it was not understood. */
export function TaskDue({ task }: { task: TTask }) {
  const t = useT();
  const due = task.nextDue ?? task.due;
  const warnings = task.schedule.warnings;
  return (
    <div>
      <div>{task.timeframeText || <span className="muted">{t('ui.tasks.noTimeframe')}</span>}</div>
      {due && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-due">
          {t('ui.tasks.dueOn', { date: formatDate(due) })}
          {task.dueOverride && ` (${t('ui.tasks.dueOverridden')})`}
        </Typography.Text>
      )}
      {warnings.length > 0 && (
        <Tooltip title={warnings.join(' · ')}>
          <WarningOutlined style={{ color: '#fa8c16', marginInlineStart: 6 }} aria-label={t('ui.tasks.timeframeWarning')} data-testid="timeframe-warning" />
        </Tooltip>
      )}
    </div>
  );
}
