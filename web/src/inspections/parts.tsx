/** Small pieces the inspection screens share: status tags, the coverage bar, warnings, area titles. */
import type { TChecklistAreaCode, TFindingStatus, TInspectionCoverage, TInspectionStatus, TInspectionWarning } from '@contract';
import { Alert, Flex, Progress, Tag, Typography } from 'antd';
import { formatPercent } from '../app/format';
import { type Translate, useT } from '../app/i18n';

const INSPECTION_COLOR: Record<TInspectionStatus, string> = {
  planned: 'default',
  notified: 'blue',
  self_reported: 'cyan',
  visited: 'purple',
  concluded: 'orange',
  closed: 'green',
};

export function InspectionStatusTag({ status }: { status: TInspectionStatus }) {
  const t = useT();
  return (
    <Tag color={INSPECTION_COLOR[status]} data-testid="inspection-status">
      {t(`ui.insp.status.${status}`)}
    </Tag>
  );
}

const FINDING_COLOR: Record<TFindingStatus, string> = { open: 'red', fix_reported: 'blue', accepted: 'green', reopened: 'volcano' };

export function FindingStatusTag({ status }: { status: TFindingStatus }) {
  const t = useT();
  return (
    <Tag color={FINDING_COLOR[status]} data-testid="finding-status">
      {t(`ui.insp.finding.${status}`)}
    </Tag>
  );
}

const ROMAN_AREA: Partial<Record<TChecklistAreaCode, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7 };

/** "III. Cải cách thủ tục hành chính", "Thực hiện kế hoạch CCHC", "Phúc tra". */
export function areaTitle(t: Translate, code: TChecklistAreaCode): string {
  const area = ROMAN_AREA[code];
  if (area) return `${code}. ${t(`area.${area as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)}`;
  return t(code === 'KH' ? 'ui.insp.area.KH' : 'ui.insp.area.PT');
}

/** Units inspected this year against the goal: the bar reaches 100 % when the goal is met. */
export function CoverageBar({ coverage }: { coverage: TInspectionCoverage }) {
  const t = useT();
  const toGoal = coverage.unitsNeeded === 0 ? 100 : Math.min(100, Math.round((coverage.unitsInspected / coverage.unitsNeeded) * 100));
  return (
    <Flex vertical gap={4} data-testid="coverage">
      <Typography.Text>
        {t('ui.insp.coverage.text', {
          inspected: coverage.unitsInspected,
          total: coverage.unitsTotal,
          percent: formatPercent(coverage.percent),
          goal: coverage.goalPercent,
          needed: coverage.unitsNeeded,
        })}
      </Typography.Text>
      <Progress percent={toGoal} status={coverage.met ? 'success' : 'active'} format={() => `${coverage.unitsInspected}/${coverage.unitsNeeded}`} />
      {coverage.unitsPlanned > 0 && <Typography.Text type="secondary">{t('ui.insp.coverage.planned', { count: coverage.unitsPlanned })}</Typography.Text>}
    </Flex>
  );
}

/** The date-rule warnings the server found, inline under the visit they concern. */
export function DateWarnings({ warnings, testId }: { warnings: TInspectionWarning[]; testId?: string }) {
  if (warnings.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid={testId ?? 'date-warnings'}>
      {warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon style={{ padding: '2px 8px' }} message={w.message} />
      ))}
    </Flex>
  );
}
