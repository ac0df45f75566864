/** The year's inspections on the dashboard: coverage against the goal, findings still open, remedies overdue — when the dashboard answer carries them. */
import { ZInspectionFigures } from '@contract';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../app/i18n';
import { CoverageBar } from '../inspections/parts';

export function InspectionCard({ data }: { data: object }) {
  const t = useT();
  // Read only if the server sent it (older servers, or a reader the figures are not for, leave it out).
  const parsed = ZInspectionFigures.safeParse('inspections' in data ? data.inspections : undefined);
  if (!parsed.success) return null;
  const figures = parsed.data;
  return (
    <Card size="small" title={<Link to="/inspections">{t('ui.insp.dashboard.title', { year: figures.coverage.year })}</Link>} data-testid="dashboard-inspections">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <CoverageBar coverage={figures.coverage} />
        </Col>
        <Col xs={12} md={6}>
          <Link to="/inspections/findings">
            <Statistic title={t('ui.insp.dashboard.open')} value={figures.findingsOpen} data-testid="kpi-findings-open" />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ui.insp.dashboard.overdue')}
            value={figures.findingsOverdue}
            valueStyle={figures.findingsOverdue > 0 ? { color: '#cf1322' } : undefined}
            data-testid="kpi-findings-overdue"
          />
        </Col>
      </Row>
    </Card>
  );
}
