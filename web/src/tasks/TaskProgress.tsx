import { Progress } from 'antd';
import type { Task } from '../app/api-types';
import { STATUS_STYLE } from '../app/status';

export function TaskProgress({ task }: { task: Task }) {
  return <Progress percent={task.progress} size="small" strokeColor={STATUS_STYLE[task.status].hex} />;
}
