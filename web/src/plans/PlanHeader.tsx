import { EditOutlined } from '@ant-design/icons';
import type { TPlanDetail } from '@contract';
import { Button, Card, Collapse, Descriptions, type DescriptionsProps, Flex, Grid, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatPeriod } from '../app/format';
import { useT } from '../app/i18n';
import { PlanActions } from './PlanActions';
import { PlanEditModal } from './PlanEditModal';
import { PlanNumber } from './PlanNumber';
import { targetMeasure } from './targets';

function Targets({ plan }: { plan: TPlanDetail }) {
  return (
    <>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="plan-targets">
        {plan.targets.map((target, index) => (
          <li key={target.id ?? index} data-testid="plan-target">
            {target.text}
            {targetMeasure(target) && (
              <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="plan-target-measure">
                {targetMeasure(target)}
              </Tag>
            )}
          </li>
        ))}
      </ul>
      {plan.reportingRegime && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-line' }}>
          {plan.reportingRegime}
        </Typography.Paragraph>
      )}
    </>
  );
}

export function PlanHeader({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  // On a phone the targets would push the task list far down: folded there, open on a desk.
  const phone = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState(false);
  const items: DescriptionsProps['items'] = [
    { key: 'number', label: t('ui.plans.col.number'), children: <PlanNumber number={plan.number} /> },
    { key: 'issuer', label: t('ui.plan.issuer'), children: plan.issuer ?? '—' },
    { key: 'issueDate', label: t('ui.plan.issueDate'), children: formatDate(plan.issueDate) || '—' },
    { key: 'period', label: t('ui.plans.col.period'), children: formatPeriod(plan.periodStart, plan.periodEnd) },
    { key: 'kind', label: t('ui.plans.col.kind'), children: t(`planKind.${plan.kind}`) },
    { key: 'status', label: t('ui.plans.col.status'), children: t(`planStatus.${plan.status}`) },
  ];
  const hasTargets = plan.targets.length > 0 || Boolean(plan.reportingRegime);
  return (
    <Card data-testid="plan-header" style={{ marginBottom: 16 }} size={phone ? 'small' : undefined}>
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Typography.Title level={3} className="page-title" data-testid="plan-title">
          {plan.title}
        </Typography.Title>
        {plan.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
            {t('ui.planEdit.button')}
          </Button>
        )}
      </Flex>
      {editing && <PlanEditModal plan={plan} onClose={() => setEditing(false)} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      <PlanActions plan={plan} />
      {hasTargets && (
        <Collapse
          ghost
          key={phone ? 'phone' : 'desk'}
          defaultActiveKey={phone ? [] : ['targets']}
          items={[{ key: 'targets', label: <strong>{t('ui.plan.targets')}</strong>, children: <Targets plan={plan} /> }]}
          style={{ marginTop: 8, marginInline: -16 }}
        />
      )}
    </Card>
  );
}
