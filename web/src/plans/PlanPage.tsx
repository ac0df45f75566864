import { ArrowLeftOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { type TTaskFilter as Filters, filterTasks, type TPlanDetail } from '@contract';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCurrentCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { ScorecardCard } from '../scorecard/ScorecardCard';
import { usePlanTasks } from '../tasks/queries';
import { TaskFilters } from '../tasks/TaskFilters';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { TaskTable } from '../tasks/TaskTable';
import { PlanHeader } from './PlanHeader';
import { usePlan } from './queries';

function PlanTasks({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  const tasks = usePlanTasks(plan.id);
  const units = useUnits(plan.communeId);
  const errorText = useErrorText();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const all = tasks.data ?? [];
  const shown = useMemo(() => filterTasks(all, filters), [all, filters]);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('ui.plan.tasks')}{' '}
          <Typography.Text type="secondary" data-testid="task-count">
            ({t('ui.plan.shownOf', { shown: shown.length, total: all.length })})
          </Typography.Text>
        </Typography.Title>
        <Flex gap={8} wrap>
          {plan.canAddTask && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-create">
              {t('ui.plan.addTask')}
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} href={`/api/plans/${plan.id}/export.xlsx`} data-testid="plan-export">
            {t('ui.plan.export')}
          </Button>
        </Flex>
      </Flex>
      <div style={{ marginBottom: 12 }}>
        <TaskFilters value={filters} onChange={setFilters} units={units.data ?? []} />
      </div>
      {tasks.isError && <Alert type="error" showIcon title={errorText(tasks.error)} />}
      <TaskTable tasks={shown} loading={tasks.isPending} />
      {creating && <TaskFormModal mode={{ kind: 'createPlan', plan }} onClose={() => setCreating(false)} />}
    </>
  );
}

export function PlanPage() {
  const t = useT();
  const planId = Number(useParams().planId);
  const plan = usePlan(Number.isInteger(planId) ? planId : null);
  const errorText = useErrorText();
  const commune = useCurrentCommune();
  return (
    <>
      <Link to="/plans">
        <ArrowLeftOutlined /> {t('ui.plan.back')}
      </Link>
      <div style={{ height: 8 }} />
      {plan.isPending && <Skeleton active />}
      {plan.isError && <Alert type="error" showIcon title={errorText(plan.error)} />}
      {plan.data && (
        <>
          <PlanHeader plan={plan.data} />
          <div style={{ margin: '12px 0' }}>
            <ScorecardCard planId={plan.data.id} canManage={(commune?.id === plan.data.communeId && commune.canManage) || false} />
          </div>
          <PlanTasks plan={plan.data} />
        </>
      )}
    </>
  );
}
