/** Dossier indicators of the commune for a period, whole or by unit / field / procedure. */
import { INDICATOR_KEYS, type TIndicatorSet } from '@contract';
import { Alert, DatePicker, Flex, Segmented, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MessageKey } from '../../../src/i18n';
import { useErrorText } from '../app/feedback';
import { DATE_FORMAT } from '../app/format';
import { useT } from '../app/i18n';
import { type Grouping, useIndicators } from './queries';

/** The quarter that holds today: the usual reporting window. */
function currentQuarter(): [Dayjs, Dayjs] {
  const start = dayjs()
    .startOf('month')
    .subtract(dayjs().month() % 3, 'month');
  return [start, start.add(2, 'month').endOf('month')];
}

export function IndicatorValue({ value }: { value: number | null }) {
  const t = useT();
  return value === null ? <Typography.Text type="secondary">{t('ui.dossiers.noData')}</Typography.Text> : value.toLocaleString('vi-VN');
}

export function IndicatorsPanel({ communeId }: { communeId: number }) {
  const t = useT();
  const errorText = useErrorText();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(currentQuarter);
  const [groupBy, setGroupBy] = useState<Grouping | 'all'>('all');
  const window = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const indicators = useIndicators(communeId, window, groupBy === 'all' ? undefined : groupBy);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <span>{t('ui.dossiers.period')}</span>
        <DatePicker.RangePicker
          value={range}
          format={DATE_FORMAT}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          data-testid="indicator-range"
        />
        <span>{t('ui.dossiers.groupBy')}</span>
        <Segmented<Grouping | 'all'>
          value={groupBy}
          onChange={setGroupBy}
          options={(['all', 'unit', 'field', 'procedure'] as const).map((g) => ({ value: g, label: t(`ui.dossiers.group.${g}` as MessageKey) }))}
          data-testid="indicator-group"
        />
      </Flex>
      {indicators.isError && <Alert type="error" showIcon title={errorText(indicators.error)} />}
      <Table
        size="small"
        rowKey="key"
        loading={indicators.isPending}
        dataSource={indicators.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="indicator-table"
        columns={[
          ...(groupBy === 'all' ? [] : [{ title: t(`ui.dossiers.group.${groupBy}` as MessageKey), dataIndex: 'key', fixed: 'left' as const, render: (key: string) => key || '—' }]),
          ...INDICATOR_KEYS.map((k) => ({
            title: t(`ui.indicator.${k}` as MessageKey),
            key: k,
            align: 'right' as const,
            render: (_: unknown, row: { indicators: TIndicatorSet }) => <IndicatorValue value={row.indicators[k]} />,
          })),
        ]}
      />
    </Flex>
  );
}
