/** A target's monthly actuals as a small line, the threshold as a dashed mark line. */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, MarkLineComponent, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export function Trend({ points, threshold }: { points: Array<{ month: string; actual: number | null }>; threshold: number | null }) {
  const option: Option = {
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', show: false, data: points.map((p) => `${p.month.slice(5)}/${p.month.slice(0, 4)}`) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.actual),
        connectNulls: false,
        symbolSize: 4,
        markLine: threshold === null ? undefined : { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ yAxis: threshold }], label: { show: false } },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 40, width: 160 }} />;
}
