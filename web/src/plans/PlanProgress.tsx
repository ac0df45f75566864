import type { TPlanSummary } from '@contract';
import { Progress, Tooltip } from 'antd';
import { useT } from '../app/i18n';

export function PlanProgress({ plan }: { plan: TPlanSummary }) {
  const t = useT();
  const percent = plan.taskCount === 0 ? 0 : Math.round((plan.doneCount / plan.taskCount) * 100);
  return (
    <Tooltip title={t('ui.plans.progressTip', { done: plan.doneCount, total: plan.taskCount, overdue: plan.overdueCount })}>
      <Progress percent={percent} size="small" status={plan.overdueCount > 0 ? 'exception' : 'normal'} format={() => `${plan.doneCount}/${plan.taskCount}`} />
    </Tooltip>
  );
}
