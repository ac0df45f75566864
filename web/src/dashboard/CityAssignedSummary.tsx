import { FlagOutlined } from '@ant-design/icons';
import type { TStatusSummary, TTaskStatus } from '@contract';
import { Card, Flex, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../app/i18n';
import { STATUS_STYLE } from '../app/status';
import { dashboardTasksHref } from './links';

const REPORTED: readonly TTaskStatus[] = ['hoan_thanh_dung_han', 'hoan_thanh_qua_han', 'qua_han'];

/** City-assigned tasks are reported apart: done on time, done late, overdue (Đề cương báo cáo). Each figure opens its tasks. */
export function CityAssignedSummary({ summary, planId }: { summary: TStatusSummary; planId: number }) {
  const t = useT();
  return (
    <Card size="small" data-testid="city-assigned-summary">
      <Flex gap={8} wrap align="center">
        <Link to={dashboardTasksHref(planId, { origin: 'city_assigned' })} data-testid="city-assigned-all">
          <FlagOutlined /> {t('ui.nav.cityTasks')}: {t('ui.tasks.groupCount', { count: summary.total })}
        </Link>
        {REPORTED.map((status) => (
          <Link key={status} to={dashboardTasksHref(planId, { origin: 'city_assigned', status })} data-testid={`city-assigned-${status}`}>
            <Tag color={STATUS_STYLE[status].tag}>
              {t(`status.${status}`)}: {summary.byStatus[status] ?? 0}
            </Tag>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
