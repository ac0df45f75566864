import type { TTask } from '@contract';
import { Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { areaRoman } from '../app/format';
import { useT } from '../app/i18n';
import { useTaskDrawer } from '../tasks/useTaskDrawer';

interface Props {
  title: string;
  tasks: TTask[];
  testId: string;
  /** what to show on the right of each task: days late, due date… */
  aside: (task: TTask) => ReactNode;
  /** How many to show before "and n more" (the dashboard's lists stay short). */
  limit?: number;
}

export function TaskList({ title, tasks, testId, aside, limit = 12 }: Props) {
  const t = useT();
  const { open } = useTaskDrawer();
  return (
    <Card title={`${title} (${tasks.length})`} size="small" data-testid={testId} style={{ height: '100%' }}>
      {tasks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.dashboard.none')} />}
      <Flex vertical gap={0}>
        {tasks.slice(0, limit).map((task) => (
          <Flex key={task.id} justify="space-between" gap={8} align="start" className="dash-task">
            <button type="button" className="task-link dash-task-main" onClick={() => open(task.id)} data-testid="task-open">
              <span className="dash-task-content">
                <Typography.Text type="secondary">
                  {areaRoman(task.area)}
                  {task.number ? `.${task.number}` : ''}
                </Typography.Text>{' '}
                {task.content}
              </span>
              <div className="muted" style={{ fontSize: 12 }}>
                {task.leadUnits.map((u) => u.name).join('; ')}
              </div>
            </button>
            <div style={{ flexShrink: 0, textAlign: 'right' }}>{aside(task)}</div>
          </Flex>
        ))}
        {tasks.length > limit && (
          <Typography.Text type="secondary" style={{ paddingTop: 8 }}>
            {t('ui.dashboard.more', { count: tasks.length - limit })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
