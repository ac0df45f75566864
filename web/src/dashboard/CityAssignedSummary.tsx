import { FlagOutlined } from '@ant-design/icons';
import type { TStatusSummary } from '@contract';
import { Card, Flex, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../app/i18n';
import { STATUS_STYLE } from '../app/status';

/** City-assigned tasks are reported apart: done on time, done late, overdue (Đề cương báo cáo). */
export function CityAssignedSummary({ summary }: { summary: TStatusSummary }) {
  const t = useT();
  const count = (status: keyof typeof STATUS_STYLE) => summary.byStatus[status] ?? 0;
  return (
    <Card size="small" data-testid="city-assigned-summary">
      <Flex gap={8} wrap align="center">
        <Link to="/city-tasks">
          <FlagOutlined /> {t('ui.nav.cityTasks')}: {t('ui.tasks.groupCount', { count: summary.total })}
        </Link>
        <Tag color={STATUS_STYLE.hoan_thanh_dung_han.tag}>
          {t('status.hoan_thanh_dung_han')}: {count('hoan_thanh_dung_han')}
        </Tag>
        <Tag color={STATUS_STYLE.hoan_thanh_qua_han.tag}>
          {t('status.hoan_thanh_qua_han')}: {count('hoan_thanh_qua_han')}
        </Tag>
        <Tag color={STATUS_STYLE.qua_han.tag}>
          {t('status.qua_han')}: {count('qua_han')}
        </Tag>
      </Flex>
    </Card>
  );
}
