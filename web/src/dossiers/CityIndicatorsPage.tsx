/** The city reviewer's table: every commune's dossier indicators for one period, with the city's own figures, exportable to Excel. */
import type { TCityIndicators, TIndicatorSet } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Segmented, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MessageKey } from '../../../src/i18n';
import { api, withQuery } from '../app/api';
import { useErrorText } from '../app/feedback';
import { DATE_FORMAT } from '../app/format';
import { type Translate, useT } from '../app/i18n';

type Row = TCityIndicators['communes'][number];
type Kind = 'quarter' | 'half' | 'year' | 'custom';

/** The figures of the city's table (issue 12): received and the five rates the plans set targets on. */
const SHOWN = ['received', 'on_time_pct', 'online_pct', 'online_payment_pct', 'digitised_pct', 'satisfaction_pct'] as const;

/** The period's first and last day: a quarter, a half-year or a year that holds `anchor`, or the custom range. */
function periodOf(kind: Kind, anchor: Dayjs, half: 1 | 2, custom: [Dayjs, Dayjs]): [Dayjs, Dayjs] {
  if (kind === 'custom') return custom;
  const year = anchor.startOf('year');
  if (kind === 'year') return [year, year.endOf('year')];
  if (kind === 'half') return [year.add(half === 1 ? 0 : 6, 'month'), year.add(half === 1 ? 5 : 11, 'month').endOf('month')];
  const start = anchor.startOf('month').subtract(anchor.month() % 3, 'month');
  return [start, start.add(2, 'month').endOf('month')];
}

/** Nulls (no data) sort after every number, whichever way the column is sorted. */
const byValue = (k: (typeof SHOWN)[number]) => (a: Row, b: Row) => (a.indicators[k] ?? -1) - (b.indicators[k] ?? -1);

function Value({ value }: { value: number | null }) {
  const t = useT();
  return value === null ? <Typography.Text type="secondary">{t('ui.cityIndicators.noData')}</Typography.Text> : value.toLocaleString('vi-VN');
}

function columns(t: Translate): TableColumnsType<Row> {
  return [
    { title: t('ui.city.commune'), dataIndex: 'communeName', fixed: 'left', sorter: (a, b) => a.communeName.localeCompare(b.communeName, 'vi') },
    ...SHOWN.map((k) => ({
      title: t(`ui.indicator.${k}` as MessageKey),
      key: k,
      align: 'right' as const,
      sorter: byValue(k),
      render: (_: unknown, row: Row) => <Value value={row.indicators[k]} />,
    })),
  ];
}

async function exportExcel(t: Translate, data: TCityIndicators, from: string, to: string) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${from} – ${to}`.replaceAll('/', '-'));
  const cells = (set: TIndicatorSet) => SHOWN.map((k) => set[k] ?? t('ui.cityIndicators.noData'));
  sheet.addRow([t('ui.city.commune'), ...SHOWN.map((k) => t(`ui.indicator.${k}` as MessageKey))]).font = { bold: true };
  for (const row of data.communes) sheet.addRow([row.communeName, ...cells(row.indicators)]);
  sheet.addRow([t('ui.cityIndicators.total'), ...cells(data.total)]).font = { bold: true };
  sheet.getColumn(1).width = 32;
  const blob = new Blob([await book.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `chi-so-ho-so-${from}-${to}.xlsx`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function CityIndicatorsPage() {
  const t = useT();
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('quarter');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs());
  const [half, setHalf] = useState<1 | 2>(dayjs().month() < 6 ? 1 : 2);
  const [custom, setCustom] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [start, end] = periodOf(kind, anchor, half, custom);
  const from = start.format('YYYY-MM-DD');
  const to = end.format('YYYY-MM-DD');
  const table = useQuery({
    queryKey: ['indicators', 'city', from, to],
    queryFn: () => api.get<TCityIndicators>(withQuery('/api/indicators/city', { from, to })),
  });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.cityIndicators.title')}
        </Typography.Title>
        <Button disabled={!table.data} onClick={() => table.data && exportExcel(t, table.data, from, to)} data-testid="city-indicators-export">
          {t('ui.cityIndicators.export')}
        </Button>
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <span>{t('ui.dossiers.period')}</span>
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={(['quarter', 'half', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`ui.cityIndicators.${k}`) }))}
          data-testid="city-indicators-kind"
        />
        {kind === 'quarter' && <DatePicker picker="quarter" value={anchor} allowClear={false} onChange={(d) => d && setAnchor(d)} />}
        {(kind === 'half' || kind === 'year') && <DatePicker picker="year" value={anchor} allowClear={false} onChange={(d) => d && setAnchor(d)} />}
        {kind === 'half' && (
          <Select<1 | 2>
            value={half}
            onChange={setHalf}
            style={{ width: 140 }}
            options={[
              { value: 1, label: `${t('ui.cityIndicators.half')} I` },
              { value: 2, label: `${t('ui.cityIndicators.half')} II` },
            ]}
          />
        )}
        {kind === 'custom' && (
          <DatePicker.RangePicker value={custom} format={DATE_FORMAT} allowClear={false} onChange={(value) => value?.[0] && value[1] && setCustom([value[0], value[1]])} />
        )}
        <Typography.Text type="secondary">
          {start.format(DATE_FORMAT)} – {end.format(DATE_FORMAT)}
        </Typography.Text>
      </Flex>
      {table.isError && <Alert type="error" showIcon title={errorText(table.error)} />}
      <Table<Row>
        rowKey="communeId"
        size="small"
        loading={table.isPending}
        dataSource={table.data?.communes ?? []}
        columns={columns(t)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="city-indicators-table"
        summary={() =>
          table.data && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="city-indicators-total">
                <Table.Summary.Cell index={0}>
                  <strong>{t('ui.cityIndicators.total')}</strong>
                </Table.Summary.Cell>
                {SHOWN.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <strong>
                      <Value value={table.data.total[k]} />
                    </strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('ui.cityIndicators.totalNote')}
      </Typography.Paragraph>
    </>
  );
}
