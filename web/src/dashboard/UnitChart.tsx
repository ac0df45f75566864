import type { TDashboardFull } from '@contract';
import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../app/i18n';
import { STATUS_ORDER } from '../app/status';
import { type BarOption, Chart } from './Chart';
import { dashboardTasksHref } from './links';
import { statusSeries } from './statusSeries';

const MAX_LABEL = 28;

/** Tasks by lead unit and status; a segment opens the tasks it counted. */
export function UnitChart({ byUnit, planId }: { byUnit: TDashboardFull['byUnit']; planId: number }) {
  const t = useT();
  const navigate = useNavigate();
  // ECharts draws the first category at the bottom; reverse so the busiest unit is on top.
  const rows = [...byUnit].sort((a, b) => a.total - b.total);
  const option: BarOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 84, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.unitName),
      axisLabel: {
        formatter: (name: string) => (name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name),
      },
    },
    series: statusSeries(t, rows, true),
  };
  return (
    <Card title={t('ui.dashboard.byUnit')} size="small">
      <Chart
        option={option}
        height={Math.max(280, rows.length * 34 + 120)}
        testId="chart-by-unit"
        onSegmentClick={({ seriesIndex, dataIndex }) => navigate(dashboardTasksHref(planId, { leadUnitId: rows[dataIndex].unitId, status: STATUS_ORDER[seriesIndex] }))}
      />
    </Card>
  );
}
