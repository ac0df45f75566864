import type { TDashboardFull } from '@contract';
import { Card, Col, Row, Statistic } from 'antd';
import type { MessageKey } from '../../../src/i18n';
import { useT } from '../app/i18n';
import { STATUS_STYLE } from '../app/status';

interface Kpi {
  key: string;
  title: MessageKey;
  value: number;
  suffix?: string;
  color?: string;
}

export function KpiCards({ data }: { data: TDashboardFull }) {
  const t = useT();
  const { totals } = data;
  const kpis: Kpi[] = [
    { key: 'total', title: 'ui.kpi.total', value: totals.total },
    { key: 'done', title: 'ui.kpi.done', value: totals.done, color: STATUS_STYLE.hoan_thanh_dung_han.hex },
    { key: 'rate', title: 'ui.kpi.rate', value: data.completionRate, suffix: '%' },
    { key: 'overdue', title: 'ui.kpi.overdue', value: totals.overdue, color: STATUS_STYLE.qua_han.hex },
    { key: 'dueSoon', title: 'ui.kpi.dueSoon', value: totals.dueSoon, color: STATUS_STYLE.sap_den_han.hex },
    { key: 'undetermined', title: 'ui.kpi.undetermined', value: totals.undetermined, color: STATUS_STYLE.chua_xac_dinh_han.hex },
  ];
  return (
    <Row gutter={[12, 12]}>
      {kpis.map((kpi) => (
        <Col key={kpi.key} xs={12} md={8} xl={4}>
          <Card size="small" className="kpi-card" data-testid={`kpi-${kpi.key}`}>
            <Statistic title={t(kpi.title)} value={kpi.value} suffix={kpi.suffix} styles={{ content: kpi.color ? { color: kpi.color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
