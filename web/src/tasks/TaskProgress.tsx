import type { TTask } from '@contract';
import { Progress } from 'antd';
import { formatPercent } from '../app/format';
import { STATUS_STYLE } from '../app/status';

export function TaskProgress({ task }: { task: TTask }) {
  return <Progress percent={task.progress} size="small" strokeColor={STATUS_STYLE[task.status].hex} format={(percent) => formatPercent(percent ?? 0)} />;
}
