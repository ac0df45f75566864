import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../app/api';
import type { Dashboard } from '../app/api-types';
import { useCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { formatDate, formatPeriod, todayIso } from '../app/format';
import { useT } from '../app/i18n';
import { currentPlan, usePlans } from '../plans/queries';
import { AreaChart } from './AreaChart';
import { DashboardLists } from './DashboardLists';
import { KpiCards } from './KpiCards';
import { UnitChart } from './UnitChart';

function useDashboard(planId: number | undefined) {
  return useQuery({
    queryKey: ['dashboard', planId],
    queryFn: () => api.get<Dashboard>(withQuery('/api/dashboard', { planId })),
    enabled: planId !== undefined,
  });
}

function DashboardView({ data }: { data: Dashboard }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <KpiCards data={data} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <AreaChart byArea={data.byArea} />
        </Col>
        <Col xs={24} xl={12}>
          <UnitChart byUnit={data.byUnit} />
        </Col>
      </Row>
      <DashboardLists data={data} />
      <Typography.Text type="secondary">{t('ui.dashboard.asOf', { date: formatDate(data.asOf) })}</Typography.Text>
    </Flex>
  );
}

export function DashboardPage() {
  const t = useT();
  const { communeId } = useCommune();
  const plans = usePlans(communeId);
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<number>();
  const list = plans.data ?? [];
  const planId = list.some((p) => p.id === chosen) ? chosen : currentPlan(list, todayIso())?.id;
  const dashboard = useDashboard(planId);
  const plan = dashboard.data?.plan;
  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }} data-testid="dashboard-title">
            {plan ? <Link to={`/plans/${plan.id}`}>{plan.title}</Link> : t('ui.nav.dashboard')}
          </Typography.Title>
          {plan && (
            <Typography.Text type="secondary">
              {plan.number ? `${plan.number} · ` : ''}
              {t('ui.dashboard.period', { period: formatPeriod(plan.periodStart, plan.periodEnd) })}
            </Typography.Text>
          )}
        </div>
        {list.length > 1 && (
          <Select<number>
            value={planId}
            onChange={setChosen}
            options={list.map((p) => ({ value: p.id, label: p.title }))}
            style={{ width: 320, maxWidth: '100%' }}
            aria-label={t('ui.dashboard.choosePlan')}
            data-testid="dashboard-plan"
          />
        )}
      </Flex>
      {plans.isError && <Alert type="error" showIcon title={errorText(plans.error)} />}
      {dashboard.isError && <Alert type="error" showIcon title={errorText(dashboard.error)} />}
      {(plans.isPending || dashboard.isLoading) && communeId !== null && <Skeleton active />}
      {plans.isSuccess && list.length === 0 && <Empty description={t('ui.plans.empty')} />}
      {dashboard.data && <DashboardView data={dashboard.data} />}
    </>
  );
}
