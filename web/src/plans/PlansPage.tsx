import { ImportOutlined } from '@ant-design/icons';
import type { TPlanSummary } from '@contract';
import { Button, Card, Flex, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useCommune, useCurrentCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { formatPeriod } from '../app/format';
import { useT } from '../app/i18n';
import { PlanNumber } from './PlanNumber';
import { PlanProgress } from './PlanProgress';
import { usePlans } from './queries';

const STATUS_COLOR = { draft: 'default', submitted: 'orange', issued: 'blue', closed: 'green' } as const;

function useColumns(): TableColumnsType<TPlanSummary> {
  const t = useT();
  return [
    { key: 'number', title: t('ui.plans.col.number'), width: 140, render: (_, p) => <PlanNumber number={p.number} /> },
    {
      key: 'title',
      title: t('ui.plans.col.title'),
      render: (_, p) => (
        <Link to={`/plans/${p.id}`} data-testid="plan-link">
          {p.title}
        </Link>
      ),
    },
    { key: 'kind', title: t('ui.plans.col.kind'), width: 160, render: (_, p) => t(`planKind.${p.kind}`) },
    { key: 'period', title: t('ui.plans.col.period'), width: 200, render: (_, p) => formatPeriod(p.periodStart, p.periodEnd) },
    {
      key: 'status',
      title: t('ui.plans.col.status'),
      width: 130,
      render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`planStatus.${p.status}`)}</Tag>,
    },
    { key: 'progress', title: t('ui.plans.col.progress'), width: 180, render: (_, p) => <PlanProgress plan={p} /> },
  ];
}

function PlanCard({ plan }: { plan: TPlanSummary }) {
  const t = useT();
  return (
    <Card size="small" data-testid="plan-card">
      <Link to={`/plans/${plan.id}`} data-testid="plan-link">
        <Typography.Text strong>{plan.title}</Typography.Text>
      </Link>
      <div className="muted" style={{ fontSize: 13 }}>
        <PlanNumber number={plan.number} /> · {t(`planKind.${plan.kind}`)} · {formatPeriod(plan.periodStart, plan.periodEnd)}
      </div>
      <PlanProgress plan={plan} />
    </Card>
  );
}

export function PlansPage() {
  const t = useT();
  const { communeId } = useCommune();
  const plans = usePlans(communeId);
  const errorText = useErrorText();
  const columns = useColumns();
  const phone = Grid.useBreakpoint().md === false;
  const commune = useCurrentCommune();
  const navigate = useNavigate();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title">
          {t('ui.nav.plans')}
        </Typography.Title>
        {commune?.canImport && (
          <Button icon={<ImportOutlined />} onClick={() => navigate('/plans/import')} data-testid="plans-import">
            {t('ui.import.button')}
          </Button>
        )}
      </Flex>
      {plans.isError && <Typography.Text type="danger">{errorText(plans.error)}</Typography.Text>}
      {phone ? (
        (plans.data ?? []).map((plan) => <PlanCard key={plan.id} plan={plan} />)
      ) : (
        <Table<TPlanSummary>
          data-testid="plans-table"
          rowKey="id"
          loading={plans.isPending && communeId !== null}
          columns={columns}
          dataSource={plans.data ?? []}
          pagination={false}
          locale={{ emptyText: t('ui.plans.empty') }}
        />
      )}
    </>
  );
}
