/** Periods of a plan and their reports by status; a unit opens its own report, the coordinator consolidates. City users see the communes' reports. */
import { Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../app/auth';
import { useCommune } from '../app/commune';
import { useNotify } from '../app/feedback';
import { formatDate, formatPeriod } from '../app/format';
import { useT } from '../app/i18n';
import { usePlans } from '../plans/queries';
import { CityReports } from './CityReports';
import { reportApi, usePeriods, useReportMutation } from './queries';
import { StatusTag } from './StatusTag';
import type { Period, PeriodReportRef } from './types';

export function ReportsPage() {
  const t = useT();
  const user = useUser();
  if (user.communeId === null && (user.role === 'city_reviewer' || user.role === 'admin')) return <CityReports />;
  return (
    <>
      <Typography.Title level={3}>{t('ui.reports.title')}</Typography.Title>
      <CommunePeriods />
    </>
  );
}

function CommunePeriods() {
  const t = useT();
  const user = useUser();
  const notify = useNotify();
  const navigate = useNavigate();
  const { communeId } = useCommune();
  const plans = usePlans(communeId);
  const [chosen, setChosen] = useState<number | null>(null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const periods = usePeriods(planId);
  const make = useReportMutation((id: number) => reportApi.makePeriods(id));
  const openUnit = useReportMutation((id: number) => reportApi.openUnit(id));
  const consolidate = useReportMutation((id: number) => reportApi.consolidate(id));
  const go = (promise: Promise<{ id: number }>) => promise.then((r) => navigate(`/reports/${r.id}`)).catch(notify.error);

  const columns = [
    { title: t('ui.reports.period'), dataIndex: 'label', key: 'label' },
    { title: t('ui.reports.window'), key: 'window', render: (_: unknown, p: Period) => formatPeriod(p.windowStart, p.windowEnd) },
    { title: t('ui.reports.unitDeadline'), key: 'unit', render: (_: unknown, p: Period) => formatDate(p.unitDeadline) },
    { title: t('ui.reports.communeDeadline'), key: 'commune', render: (_: unknown, p: Period) => formatDate(p.communeDeadline) },
    {
      title: t('ui.reports.reports'),
      key: 'reports',
      render: (_: unknown, p: Period) => (
        <Space direction="vertical" size={2}>
          {p.reports.map((r: PeriodReportRef) => (
            <Space key={r.id} size={4} data-testid={`report-${r.id}`}>
              <Link to={`/reports/${r.id}`}>{r.level === 'commune' ? t('ui.reports.communeReport') : r.unitName}</Link>
              <StatusTag status={r.status} />
              {r.daysLate !== null && (r.daysLate > 0 ? <Tag color="red">{t('ui.reports.late', { days: r.daysLate })}</Tag> : <Tag color="green">{t('ui.reports.onTime')}</Tag>)}
            </Space>
          ))}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p: Period) => (
        <Space>
          {user.unitId !== null && (user.role === 'unit_head' || user.role === 'unit_staff') && (
            <Button size="small" onClick={() => go(openUnit.mutateAsync(p.id))} data-testid={`open-unit-${p.code}`}>
              {t('ui.reports.openUnit')}
            </Button>
          )}
          {p.canManage && p.reports.some((r) => r.level === 'unit' && r.status === 'accepted') && (
            <Button size="small" type="primary" onClick={() => go(consolidate.mutateAsync(p.id))} data-testid={`consolidate-${p.code}`}>
              {t('ui.reports.consolidate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {t('ui.reports.plan')}
        <Select style={{ minWidth: 360 }} value={planId ?? undefined} onChange={setChosen} options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
      </Space>
      {periods.data && periods.data.length === 0 ? (
        <Empty description={t('ui.reports.noPeriods')}>
          {planId !== null && (
            <Button type="primary" loading={make.isPending} onClick={() => make.mutateAsync(planId).catch(notify.error)} data-testid="make-periods">
              {t('ui.reports.makePeriods')}
            </Button>
          )}
        </Empty>
      ) : (
        <Table rowKey="id" loading={periods.isLoading} dataSource={periods.data ?? []} columns={columns} pagination={false} />
      )}
    </Space>
  );
}
