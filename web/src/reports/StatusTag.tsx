import type { TReportStatus as ReportStatus } from '@contract';
import { Tag } from 'antd';
import { useT } from '../app/i18n';

const COLORS: Record<ReportStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green', approved: 'cyan', sent: 'purple' };

export function StatusTag({ status }: { status: ReportStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="report-status">
      {t(`ui.reports.status.${status}`)}
    </Tag>
  );
}
