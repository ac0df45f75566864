import { DashboardOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TMyWork, TMyWorkSection, TTask } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../app/api';
import { useErrorText } from '../app/feedback';
import { formatDate } from '../app/format';
import { type Translate, useT } from '../app/i18n';
import { StatusTag } from '../app/status';
import { TaskList } from '../dashboard/TaskList';

export const MY_WORK_KEY = ['tasks', 'mine'] as const;

function useMyWork() {
  return useQuery({ queryKey: MY_WORK_KEY, queryFn: () => api.get<TMyWork>('/api/tasks/mine') });
}

/** What each section shows beside a task: how late, when due, or its status. */
function asideOf(t: Translate, key: TMyWorkSection): (task: TTask) => ReactNode {
  if (key === 'overdue') return (task) => <Tag color="red">{t('ui.tasks.daysLate', { days: task.daysLate ?? 0 })}</Tag>;
  if (key === 'dueThisWeek' || key === 'dueThisMonth') return (task) => <Tag color="orange">{formatDate(task.nextDue ?? task.due)}</Tag>;
  return (task) => <StatusTag status={task.status} />;
}

function sectionTitle(t: Translate, key: TMyWorkSection, work: TMyWork): string {
  return key === 'waitingUpdate' ? t('ui.myWork.section.waitingUpdate', { days: work.staleReportDays }) : t(`ui.myWork.section.${key}`);
}

/**
 * "Việc của tôi": a unit head's or staff member's landing page — the unit's open tasks by what
 * needs doing now, the person's own assignments first. Sections come from the server in order;
 * a new one (tasks returned by the coordinator) needs only its title here.
 */
export function MyWorkPage() {
  const t = useT();
  const errorText = useErrorText();
  const work = useMyWork();
  const data = work.data;
  const byId = new Map((data?.tasks ?? []).map((task) => [task.id, task]));
  // "Assigned to me" only when something is; the other sections always, so an empty one reads as good news.
  const sections = (data?.sections ?? []).filter((s) => s.key !== 'assignedToMe' || s.taskIds.length > 0);
  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }} data-testid="my-work-title">
            {data?.unit ? t('ui.myWork.titleOf', { unit: data.unit.name }) : t('ui.myWork.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {t('ui.myWork.asOf', { date: formatDate(data.asOf), week: formatDate(data.weekEnd), month: formatDate(data.monthEnd) })}
            </Typography.Text>
          )}
        </div>
        <Flex gap={8} className="no-print">
          <Link to="/dashboard" data-testid="my-work-commune">
            <Button icon={<DashboardOutlined />}>{t('ui.myWork.commune')}</Button>
          </Link>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('ui.print')}
          </Button>
        </Flex>
      </Flex>
      {work.isError && <Alert type="error" showIcon title={errorText(work.error)} />}
      {work.isPending && <Skeleton active />}
      {data && data.tasks.length === 0 && <Empty description={t('ui.myWork.empty')} />}
      {data && data.tasks.length > 0 && (
        <Row gutter={[12, 12]}>
          {sections.map((section) => (
            <Col key={section.key} xs={24} xl={12}>
              <TaskList
                title={sectionTitle(t, section.key, data)}
                tasks={section.taskIds.flatMap((id) => byId.get(id) ?? [])}
                testId={`my-work-${section.key}`}
                aside={asideOf(t, section.key)}
                limit={50}
              />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
