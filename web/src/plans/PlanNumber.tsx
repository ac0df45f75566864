import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { documentNumber } from '../app/format';
import { useT } from '../app/i18n';

/** The plan's number, or a warning tag while it has none (never a bare "/KH-UBND"). */
export function PlanNumber({ number }: { number: string | null | undefined }) {
  const t = useT();
  const shown = documentNumber(number);
  if (shown) return <span data-testid="plan-number">{shown}</span>;
  return (
    <Tooltip title={t('ui.plans.noNumberHint')}>
      <Tag color="warning" icon={<WarningOutlined />} data-testid="plan-number-missing">
        {t('ui.plans.noNumber')}
      </Tag>
    </Tooltip>
  );
}
