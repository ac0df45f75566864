import { useQuery } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { useDebounced } from '../app/useDebounced';
import { parseTimeframe } from './queries';

interface Props {
  text: string;
  periodStart: string;
  periodEnd: string;
}

/** Shows, while the user types, how the system understands a time frame. */
export function TimeframePreview({ text, periodStart, periodEnd }: Props) {
  const t = useT();
  const debounced = useDebounced(text.trim(), 400);
  const parsed = useQuery({
    queryKey: ['timeframe', debounced, periodStart, periodEnd],
    queryFn: () => parseTimeframe(debounced, periodStart, periodEnd),
    staleTime: Infinity,
  });
  if (parsed.isPending) return <Spin size="small" />;
  if (parsed.isError || !parsed.data) return null;
  const schedule = parsed.data;
  const dates = schedule.occurrences.length > 1 ? schedule.occurrences.map(formatDate).join(', ') : formatDate(schedule.due);
  return (
    <Alert
      data-testid="timeframe-preview"
      type={schedule.warnings.length > 0 || !schedule.due ? 'warning' : 'info'}
      showIcon
      title={
        <span>
          {t('ui.timeframe.understood')}: <Typography.Text strong>{t(`scheduleKind.${schedule.kind}`)}</Typography.Text>
          {dates && ` — ${t('ui.timeframe.dates')}: ${dates}`}
        </span>
      }
      description={schedule.warnings.length > 0 ? schedule.warnings.join(' · ') : undefined}
    />
  );
}
