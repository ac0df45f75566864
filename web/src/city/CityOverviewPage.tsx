/** The city reviewer's landing: every commune in one table, ranked, filtered, charted, exported; a click opens the commune. */
import type { TCityOverview, TCityOverviewRow } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../app/api';
import { useCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { type Translate, useT } from '../app/i18n';
import { Chart } from '../dashboard/Chart';
import { CityRequestButton } from './CityRequests';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** Rank: most overdue first, then the lower completion rate. */
const worstFirst = (a: TCityOverviewRow, b: TCityOverviewRow) => b.totals.overdue - a.totals.overdue || a.totals.completionRate - b.totals.completionRate;

function columns(t: Translate, open: (row: TCityOverviewRow) => void, rank: Map<number, number>): TableColumnsType<TCityOverviewRow> {
  return [
    {
      title: t('ui.city.rank'),
      key: 'rank',
      width: 70,
      render: (_, row) => rank.get(row.communeId),
      sorter: (a, b) => (rank.get(a.communeId) ?? 0) - (rank.get(b.communeId) ?? 0),
    },
    { title: t('ui.city.commune'), dataIndex: 'communeName', sorter: (a, b) => a.communeName.localeCompare(b.communeName, 'vi') },
    { title: t('ui.city.plan'), key: 'plan', render: (_, row) => row.plan?.title ?? <Typography.Text type="secondary">{t('ui.city.noPlan')}</Typography.Text> },
    { title: t('ui.city.progress'), key: 'progress', sorter: (a, b) => a.totals.completionRate - b.totals.completionRate, render: (_, row) => row.totals.completionRate },
    {
      title: t('ui.city.overdue'),
      key: 'overdue',
      sorter: (a, b) => a.totals.overdue - b.totals.overdue,
      render: (_, row) => <span data-testid={`overdue-${row.communeId}`}>{row.totals.overdue}</span>,
    },
    {
      title: t('ui.city.cityAssigned'),
      key: 'cityAssigned',
      sorter: (a, b) => a.cityAssigned.overdue - b.cityAssigned.overdue,
      render: (_, row) => `${row.cityAssigned.onTime} / ${row.cityAssigned.late} / ${row.cityAssigned.overdue}`,
    },
    {
      title: t('ui.city.targets'),
      key: 'targets',
      sorter: (a, b) => a.targets.met / (a.targets.total || 1) - b.targets.met / (b.targets.total || 1),
      render: (_, row) => <span data-testid={`targets-${row.communeId}`}>{row.targets.total === 0 ? '—' : `${row.targets.met}/${row.targets.total}`}</span>,
    },
    {
      title: t('ui.city.findings'),
      key: 'findings',
      sorter: (a, b) => a.findings.overdue - b.findings.overdue || a.findings.open - b.findings.open,
      render: (_, row) => <span data-testid={`findings-${row.communeId}`}>{`${row.findings.open} (${row.findings.overdue})`}</span>,
    },
    {
      title: t('ui.city.reports'),
      key: 'reports',
      sorter: (a, b) => a.reports.missing - b.reports.missing,
      render: (_, row) => `${row.reports.onTime} / ${row.reports.late} / ${row.reports.missing}`,
    },
    {
      title: '',
      key: 'open',
      render: (_, row) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => open(row)} data-testid={`open-${row.communeId}`}>
            {t('ui.city.open')}
          </Button>
          <CityRequestButton communeId={row.communeId} label={row.communeName} />
        </Flex>
      ),
    },
  ];
}

async function exportExcel(t: Translate, rows: TCityOverviewRow[], asOf: string) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('ui.nav.city'));
  sheet.addRow([
    t('ui.city.commune'),
    t('ui.city.plan'),
    t('ui.city.progress'),
    t('ui.city.overdue'),
    'Thành phố giao: đúng hạn',
    'trễ hạn',
    'quá hạn',
    'Báo cáo: đúng hạn',
    'trễ hạn',
    'thiếu',
    'Chỉ tiêu đạt',
    'Chỉ tiêu',
    t('ui.city.findingsOpen'),
    t('ui.city.findingsOverdue'),
  ]);
  for (const r of rows) {
    sheet.addRow([
      r.communeName,
      r.plan?.title ?? '',
      r.totals.completionRate,
      r.totals.overdue,
      r.cityAssigned.onTime,
      r.cityAssigned.late,
      r.cityAssigned.overdue,
      r.reports.onTime,
      r.reports.late,
      r.reports.missing,
      r.targets.met,
      r.targets.total,
      r.findings.open,
      r.findings.overdue,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  const blob = new Blob([await book.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `toan-thanh-pho-${asOf}.xlsx`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function CityOverviewPage() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { setCommuneId } = useCommune();
  const overview = useQuery({ queryKey: ['city', 'overview'], queryFn: () => api.get<TCityOverview>('/api/city/overview') });
  const [search, setSearch] = useState('');
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const all = overview.data?.communes ?? [];
  const rank = useMemo(() => new Map([...all].sort(worstFirst).map((r, i) => [r.communeId, i + 1])), [all]);
  const shown = all.filter((r) => fold(r.communeName).includes(fold(search)) && (!onlyOverdue || r.totals.overdue > 0));
  const open = (row: TCityOverviewRow) => {
    setCommuneId(row.communeId);
    navigate('/dashboard');
  };
  const charted = [...shown].sort(worstFirst).slice(0, 30);
  const totals = overview.data?.totals;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }} data-testid="city-title">
          {t('ui.city.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('ui.city.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} data-testid="city-search" />
          <Checkbox checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)}>
            {t('ui.city.onlyOverdue')}
          </Checkbox>
          <Button disabled={!overview.data} onClick={() => overview.data && exportExcel(t, shown, overview.data.asOf)} data-testid="city-export">
            {t('ui.city.export')}
          </Button>
        </Flex>
      </Flex>
      {overview.isError && <Alert type="error" showIcon title={errorText(overview.error)} />}
      {totals && (
        <Typography.Paragraph data-testid="city-totals">
          {t('ui.city.totals', { communes: totals.communes, tasks: totals.tasks.total, done: totals.tasks.done, overdue: totals.tasks.overdue })}
          {totals.targets.total > 0 && ` · ${t('ui.city.targetsTotals', totals.targets)}`}
          {totals.findings.open > 0 && ` · ${t('ui.city.findingsTotals', totals.findings)}`}
        </Typography.Paragraph>
      )}
      {charted.length > 0 && (
        <Chart
          testId="city-chart"
          height={Math.max(200, charted.length * 22)}
          option={{
            tooltip: { trigger: 'axis' },
            legend: {},
            grid: { left: 160, right: 20, top: 30, bottom: 20 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: charted.map((r) => r.communeName) },
            series: [
              { type: 'bar', name: t('ui.city.overdue'), stack: 'n', data: charted.map((r) => r.totals.overdue), itemStyle: { color: '#cf1322' } },
              { type: 'bar', name: t('ui.city.progress'), data: charted.map((r) => r.totals.completionRate), itemStyle: { color: '#389e0d' } },
            ],
          }}
        />
      )}
      <Table<TCityOverviewRow>
        rowKey="communeId"
        size="small"
        loading={overview.isPending}
        dataSource={shown}
        columns={columns(t, open, rank)}
        pagination={{ pageSize: 50, showSizeChanger: true }}
        data-testid="city-table"
      />
    </>
  );
}
