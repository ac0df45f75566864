import type { TDashboardFull } from '@contract';
import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { areaLabel, areaRoman } from '../app/format';
import { useT } from '../app/i18n';
import { STATUS_ORDER } from '../app/status';
import { type BarOption, Chart } from './Chart';
import { dashboardTasksHref } from './links';
import { statusSeries } from './statusSeries';

/** Tasks by reform area and status; a segment opens the tasks it counted. */
export function AreaChart({ byArea, planId }: { byArea: TDashboardFull['byArea']; planId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const rows = [...byArea].sort((a, b) => a.area - b.area);
  const option: BarOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 84, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => areaLabel(t, r.area)),
      axisLabel: { formatter: (label: string) => label.split('.')[0] },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: statusSeries(t, rows, false),
  };
  return (
    <Card title={t('ui.dashboard.byArea')} size="small">
      <Chart
        option={option}
        height={360}
        testId="chart-by-area"
        onSegmentClick={({ seriesIndex, dataIndex }) => navigate(dashboardTasksHref(planId, { area: rows[dataIndex].area, status: STATUS_ORDER[seriesIndex] }))}
      />
      <div className="muted" style={{ fontSize: 12 }}>
        {rows.map((r) => `${areaRoman(r.area)}: ${t(`area.${r.area}`)}`).join(' · ')}
      </div>
    </Card>
  );
}
