import type { TDashboardEmpty, TDashboardFull } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../app/api';
import { useUser } from '../app/auth';
import { useCommune, useCurrentCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { formatDate, formatPeriod } from '../app/format';
import { useT } from '../app/i18n';
import { PlanNumber } from '../plans/PlanNumber';
import { usePlans } from '../plans/queries';
import { ScorecardCard } from '../scorecard/ScorecardCard';
import { AreaChart } from './AreaChart';
import { CityAssignedSummary } from './CityAssignedSummary';
import { DashboardLists } from './DashboardLists';
import { takeEarlyDashboard } from './early';
import { InspectionCard } from './InspectionCard';
import { KpiCards } from './KpiCards';
import { UnitChart } from './UnitChart';

/** Without a plan id the server picks the commune's current plan. The first one may have been asked for at start-up (./early). */
function useDashboard(communeId: number | null, planId: number | undefined) {
  const user = useUser();
  return useQuery({
    queryKey: ['dashboard', communeId, planId],
    queryFn: async () => {
      const ask = () => api.get<TDashboardFull | TDashboardEmpty>(withQuery('/api/dashboard', { communeId, planId }));
      const early = takeEarlyDashboard(user, planId);
      return (early && (await early)) ?? ask();
    },
    enabled: communeId !== null,
  });
}

function DashboardView({ data }: { data: TDashboardFull }) {
  const t = useT();
  const commune = useCurrentCommune();
  return (
    <Flex vertical gap={12}>
      <KpiCards data={data} />
      <ScorecardCard planId={data.plan.id} canManage={commune?.canManage ?? false} />
      <InspectionCard data={data} />
      {data.cityAssigned && data.cityAssigned.total > 0 && <CityAssignedSummary summary={data.cityAssigned} planId={data.plan.id} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <AreaChart byArea={data.byArea} planId={data.plan.id} />
        </Col>
        <Col xs={24} xl={12}>
          <UnitChart byUnit={data.byUnit} planId={data.plan.id} />
        </Col>
      </Row>
      <DashboardLists data={data} />
      <Typography.Text type="secondary">{t('ui.dashboard.asOf', { date: formatDate(data.asOf) })}</Typography.Text>
    </Flex>
  );
}

function PlanPicker({ communeId, value, onChange }: { communeId: number | null; value?: number; onChange: (id: number) => void }) {
  const t = useT();
  const plans = usePlans(communeId).data ?? [];
  if (plans.length < 2) return null;
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: p.title }))}
      style={{ width: 320, maxWidth: '100%' }}
      aria-label={t('ui.dashboard.choosePlan')}
      placeholder={t('ui.dashboard.choosePlan')}
      data-testid="dashboard-plan"
    />
  );
}

export function DashboardPage() {
  const t = useT();
  const { communeId } = useCommune();
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<{ communeId: number | null; planId: number }>();
  const planId = chosen?.communeId === communeId ? chosen.planId : undefined;
  const dashboard = useDashboard(communeId, planId);
  const data = dashboard.data;
  const plan = data?.plan ?? null;
  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }} data-testid="dashboard-title">
            {plan ? <Link to={`/plans/${plan.id}`}>{plan.title}</Link> : t('ui.nav.dashboard')}
          </Typography.Title>
          {plan && (
            <Typography.Text type="secondary">
              <PlanNumber number={plan.number} /> · {t('ui.dashboard.period', { period: formatPeriod(plan.periodStart, plan.periodEnd) })}
            </Typography.Text>
          )}
        </div>
        <PlanPicker communeId={communeId} value={plan?.id} onChange={(id) => setChosen({ communeId, planId: id })} />
      </Flex>
      {dashboard.isError && <Alert type="error" showIcon title={errorText(dashboard.error)} />}
      {dashboard.isLoading && <Skeleton active />}
      {data && data.plan === null && <Empty description={t('ui.plans.empty')} />}
      {data && data.plan !== null && <DashboardView data={data} />}
    </>
  );
}
