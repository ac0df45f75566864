import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { PlanDetail } from '../app/api-types';
import { formatDate, formatPeriod } from '../app/format';
import { useT } from '../app/i18n';

export function PlanHeader({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    { key: 'number', label: t('ui.plans.col.number'), children: plan.number ?? '—' },
    { key: 'issuer', label: t('ui.plan.issuer'), children: plan.issuer ?? '—' },
    { key: 'issueDate', label: t('ui.plan.issueDate'), children: formatDate(plan.issueDate) || '—' },
    { key: 'period', label: t('ui.plans.col.period'), children: formatPeriod(plan.periodStart, plan.periodEnd) },
    { key: 'kind', label: t('ui.plans.col.kind'), children: t(`planKind.${plan.kind}`) },
    { key: 'status', label: t('ui.plans.col.status'), children: t(`planStatus.${plan.status}`) },
  ];
  return (
    <Card data-testid="plan-header" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} className="page-title" data-testid="plan-title">
        {plan.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {plan.targets.length > 0 && (
        <>
          <Typography.Title level={5}>{t('ui.plan.targets')}</Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="plan-targets">
            {plan.targets.map((target, index) => (
              <li key={target.id ?? index}>{target.text}</li>
            ))}
          </ul>
        </>
      )}
      {plan.reportingRegime && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-line' }}>
          <strong>{t('ui.plan.reportingRegime')}:</strong> {plan.reportingRegime}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
