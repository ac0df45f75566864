/** ECharts with only the pieces the dashboard uses, so the bundle stays small. */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, LegendComponent, type LegendComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type BarOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Which bar segment was clicked: the series (a status) and the category (an area, a unit). */
export interface SegmentClick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: BarOption;
  height: number;
  testId: string;
  onSegmentClick?: (segment: SegmentClick) => void;
}

export function Chart({ option, height, testId, onSegmentClick }: Props) {
  const onEvents = onSegmentClick ? { click: (params: SegmentClick) => onSegmentClick({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex }) } : undefined;
  return (
    <div data-testid={testId} className={onSegmentClick ? 'chart-clickable' : undefined}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} onEvents={onEvents} />
    </div>
  );
}
