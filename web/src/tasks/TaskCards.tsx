import { AREAS, type TTask } from '@contract';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { areaLabel } from '../app/format';
import { useT } from '../app/i18n';
import { StatusTag } from '../app/status';
import { TaskDue } from './TaskDue';
import { TaskProgress } from './TaskProgress';
import { useTaskDrawer } from './useTaskDrawer';

function TaskCard({ task }: { task: TTask }) {
  const t = useT();
  const { open } = useTaskDrawer();
  return (
    <Card size="small" hoverable onClick={() => open(task.id)} data-testid="task-card">
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text strong>{task.number}</Typography.Text>
        <StatusTag status={task.status} />
      </Flex>
      <Typography.Paragraph className="task-content" style={{ margin: '6px 0' }} ellipsis={{ rows: 4 }}>
        {task.content}
      </Typography.Paragraph>
      <div className="muted" style={{ fontSize: 13 }}>
        {t('ui.tasks.col.lead')}: {task.leadUnits.map((u) => u.name).join('; ') || '—'}
      </div>
      <TaskDue task={task} />
      <TaskProgress task={task} />
    </Card>
  );
}

export function TaskCards({ tasks, loading }: { tasks: TTask[]; loading: boolean }) {
  const t = useT();
  if (loading) return <Spin />;
  if (tasks.length === 0) return <Empty description={t('ui.tasks.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="task-cards">
      {AREAS.map((area) => {
        const inArea = tasks.filter((task) => task.area === area);
        if (inArea.length === 0) return null;
        return (
          <Flex vertical gap={8} key={area}>
            <Typography.Text strong style={{ marginTop: 8 }} data-testid="task-group">
              {areaLabel(t, area)} ({inArea.length})
            </Typography.Text>
            {inArea.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
