import { ArrowLeftOutlined, EditOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { type TTaskFilter as Filters, filterTasks, type TAmendmentChangeKind, type TPlanDetail, type TTask } from '@contract';
import { Alert, Button, Dropdown, Flex, Skeleton, Tabs, Typography } from 'antd';
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
import { AmendmentsPanel } from './AmendmentsPanel';
import { PlanHeader } from './PlanHeader';
import { ProposalModal } from './ProposalModal';
import { usePlan } from './queries';
import { VersionsPanel } from './VersionsPanel';

const TASK_CHANGES: TAmendmentChangeKind[] = ['reschedule', 'change_lead', 'change_product', 'drop_task'];

/** A task row's menu: the changes a unit may propose for it. */
function ProposeMenu({ task, onPick }: { task: TTask; onPick: (p: { kind: TAmendmentChangeKind; task: TTask }) => void }) {
  const t = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: TASK_CHANGES.map((kind) => ({ key: kind, label: t(`changeKind.${kind}`), danger: kind === 'drop_task', 'data-testid': `propose-${kind}` })),
        onClick: ({ key }) => onPick({ kind: key as TAmendmentChangeKind, task }),
      }}
    >
      <Button size="small" icon={<EditOutlined />} aria-label={t('ui.proposal.menu')} title={t('ui.proposal.menu')} data-testid="task-propose" />
    </Dropdown>
  );
}

function PlanTasks({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  const tasks = usePlanTasks(plan.id);
  const units = useUnits(plan.communeId);
  const errorText = useErrorText();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [proposing, setProposing] = useState<{ kind: TAmendmentChangeKind; task: TTask | null } | null>(null);
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
          {plan.canPropose && (
            <Button icon={<PlusOutlined />} onClick={() => setProposing({ kind: 'add_task', task: null })} data-testid="propose-add">
              {t('ui.proposal.add')}
            </Button>
          )}
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
      <TaskTable tasks={shown} loading={tasks.isPending} rowActions={plan.canPropose ? (task) => <ProposeMenu task={task} onPick={setProposing} /> : undefined} />
      {proposing && <ProposalModal plan={plan} kind={proposing.kind} task={proposing.task} onClose={() => setProposing(null)} />}
      {creating && <TaskFormModal mode={{ kind: 'createPlan', plan }} onClose={() => setCreating(false)} />}
    </>
  );
}

/** Tasks; and once issued, the amendments and the versions they made. */
function PlanTabs({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  if (plan.status === 'draft' || plan.status === 'submitted') return <PlanTasks plan={plan} />;
  return (
    <Tabs
      data-testid="plan-tabs"
      destroyOnHidden
      items={[
        { key: 'tasks', label: t('ui.planTabs.tasks'), children: <PlanTasks plan={plan} /> },
        { key: 'amendments', label: <span data-testid="tab-amendments">{t('ui.planTabs.amendments')}</span>, children: <AmendmentsPanel plan={plan} /> },
        { key: 'versions', label: <span data-testid="tab-versions">{t('ui.planTabs.versions')}</span>, children: <VersionsPanel planId={plan.id} /> },
      ]}
    />
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
          <PlanTabs plan={plan.data} />
        </>
      )}
    </>
  );
}
