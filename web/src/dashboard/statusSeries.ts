import type { TStatusCounts } from '@contract';
import type { BarSeriesOption } from 'echarts/charts';
import type { Translate } from '../app/i18n';
import { STATUS_ORDER, STATUS_STYLE } from '../app/status';

/** One stacked series per status, in the same colours as the status tags. */
export function statusSeries(t: Translate, rows: { byStatus: TStatusCounts }[], horizontal: boolean): BarSeriesOption[] {
  return STATUS_ORDER.map((status) => ({
    type: 'bar',
    name: t(`status.${status}`),
    stack: 'total',
    itemStyle: { color: STATUS_STYLE[status].hex },
    emphasis: { focus: 'series' },
    barMaxWidth: horizontal ? 22 : 48,
    data: rows.map((row) => row.byStatus[status] ?? 0),
  }));
}
