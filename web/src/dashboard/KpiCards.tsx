import { DASHBOARD_CARD_FILTERS, type TDashboardCard, type TDashboardFull } from '@contract';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../../src/i18n';
import { formatPercent } from '../app/format';
import { useT } from '../app/i18n';
import { STATUS_STYLE } from '../app/status';
import { dashboardTasksHref } from './links';

interface Kpi {
  key: TDashboardCard;
  title: MessageKey;
  value: number;
  /** Shown instead of the bare number (the rate, as "16,7 %"). */
  formatted?: string;
  color?: string;
}

/** The headline figures; each card opens the list of exactly the tasks it counted. */
export function KpiCards({ data }: { data: TDashboardFull }) {
  const t = useT();
  const { totals } = data;
  const kpis: Kpi[] = [
    { key: 'total', title: 'ui.kpi.total', value: totals.total },
    { key: 'done', title: 'ui.kpi.done', value: totals.done, color: STATUS_STYLE.hoan_thanh_dung_han.hex },
    { key: 'rate', title: 'ui.kpi.rate', value: data.completionRate, formatted: formatPercent(data.completionRate) },
    { key: 'overdue', title: 'ui.kpi.overdue', value: totals.overdue, color: STATUS_STYLE.qua_han.hex },
    { key: 'dueSoon', title: 'ui.kpi.dueSoon', value: totals.dueSoon, color: STATUS_STYLE.sap_den_han.hex },
    { key: 'undetermined', title: 'ui.kpi.undetermined', value: totals.undetermined, color: STATUS_STYLE.chua_xac_dinh_han.hex },
  ];
  return (
    <Row gutter={[12, 12]} className="kpi-row">
      {kpis.map((kpi) => (
        <Col key={kpi.key} xs={12} md={8} xl={4}>
          <Link to={dashboardTasksHref(data.plan.id, DASHBOARD_CARD_FILTERS[kpi.key])} title={t('ui.dashboard.openList')} data-testid={`kpi-link-${kpi.key}`}>
            <Card size="small" hoverable className="kpi-card" data-testid={`kpi-${kpi.key}`}>
              <Statistic
                title={t(kpi.title)}
                value={kpi.value}
                formatter={kpi.formatted === undefined ? undefined : () => kpi.formatted}
                styles={{ content: kpi.color ? { color: kpi.color } : undefined }}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
