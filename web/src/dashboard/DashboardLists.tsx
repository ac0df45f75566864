import type { TDashboardFull } from '@contract';
import { Col, Row, Tag } from 'antd';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { StatusTag } from '../app/status';
import { TaskList } from './TaskList';

export function DashboardLists({ data }: { data: TDashboardFull }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={8}>
        <TaskList
          title={t('ui.dashboard.overdueList')}
          tasks={[...data.overdue].sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0))}
          testId="list-overdue"
          aside={(task) => <Tag color="red">{t('ui.tasks.daysLate', { days: task.daysLate ?? 0 })}</Tag>}
        />
      </Col>
      <Col xs={24} xl={8}>
        <TaskList
          title={t('ui.dashboard.dueSoonList', { days: data.dueSoonDays })}
          tasks={data.dueSoon}
          testId="list-due-soon"
          aside={(task) => <Tag color="orange">{formatDate(task.nextDue ?? task.due)}</Tag>}
        />
      </Col>
      <Col xs={24} xl={8}>
        <TaskList title={t('ui.dashboard.undeterminedList')} tasks={data.undetermined} testId="list-undetermined" aside={(task) => <StatusTag status={task.status} />} />
      </Col>
      <Col xs={24} xl={8}>
        {/* Reported done, not yet confirmed by the coordinator: not counted as done above. */}
        <TaskList
          title={t('ui.confirm.listTitle', { count: data.awaitingConfirmation.length })}
          tasks={data.awaitingConfirmation}
          testId="list-awaiting-confirmation"
          aside={(task) => <Tag color="cyan">{formatDate(task.awaitingConfirmation[0]?.doneAt ?? null)}</Tag>}
        />
      </Col>
    </Row>
  );
}
