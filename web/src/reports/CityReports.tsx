/**
 * The city's view of one period: every commune on time, late or missing, and their figures side by side;
 * "Đôn đốc" on a late or missing report, its requests (and the commune's answers) in the row's details.
 */

import type { TCityReports as CityOverview } from '@contract';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate, formatPercent } from '../app/format';
import { useT } from '../app/i18n';
import { CityRequestButton, CityRequestsList } from '../city/CityRequests';
import { useCityOverview } from './queries';

const STATE_COLOR = { on_time: 'green', late: 'red', missing: 'default', not_due: 'blue' } as const;

/** The period codes of this year and last: quarters, the half-year, the year. */
function recentCodes(): string[] {
  const year = new Date().getFullYear();
  return [year, year - 1].flatMap((y) => [`${y}-Y`, `${y}-Q3`, `${y}-H1`, `${y}-Q1`]);
}

export function CityReports() {
  const t = useT();
  const codes = recentCodes();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? codes[0]);
  const overview = useCityOverview(code);
  const communes = overview.data?.communes ?? [];
  const sent = communes.filter((c) => c.reportId !== null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('ui.reports.city.title')}</Typography.Title>
      <Space>
        {t('ui.reports.city.code')}
        <Select style={{ width: 140 }} value={code} onChange={setCode} options={codes.map((c) => ({ value: c, label: c }))} data-testid="city-period" />
      </Space>
      <Table
        rowKey="communeId"
        loading={overview.isLoading}
        dataSource={communes}
        pagination={false}
        data-testid="city-communes"
        columns={[
          {
            title: t('ui.reports.city.commune'),
            key: 'name',
            render: (_: unknown, c: CityOverview['communes'][number]) => (c.reportId ? <Link to={`/reports/${c.reportId}`}>{c.communeName}</Link> : c.communeName),
          },
          {
            title: t('ui.reports.city.state'),
            key: 'state',
            render: (_: unknown, c: CityOverview['communes'][number]) => <Tag color={STATE_COLOR[c.state]}>{t(`ui.reports.city.${c.state}`)}</Tag>,
          },
          { title: t('ui.reports.status.sent'), key: 'on', render: (_: unknown, c: CityOverview['communes'][number]) => formatDate(c.submittedOn) },
          {
            title: '',
            key: 'request',
            render: (_: unknown, c: CityOverview['communes'][number]) =>
              c.periodId !== null &&
              (c.state === 'late' || c.state === 'missing') && <CityRequestButton communeId={c.communeId} periodId={c.periodId} label={`${c.communeName} — ${code}`} />,
          },
        ]}
        expandable={{
          rowExpandable: (c) => c.periodId !== null,
          expandedRowRender: (c) =>
            c.periodId !== null && (
              <CityRequestsList communeId={c.communeId} periodId={c.periodId} empty={<Typography.Text type="secondary">{t('ui.reports.city.noRequests')}</Typography.Text>} />
            ),
        }}
      />
      <Table
        rowKey="code"
        dataSource={overview.data?.figures ?? []}
        pagination={false}
        size="small"
        data-testid="city-compare"
        columns={[
          { title: t('ui.reports.city.figure'), dataIndex: 'title', key: 'title' },
          ...sent.map((c) => ({
            title: c.communeName,
            key: String(c.communeId),
            align: 'right' as const,
            render: (_: unknown, f: CityOverview['figures'][number]) => {
              const value = f.values[c.communeId];
              if (value === null || value === undefined) return '…';
              return f.unit === 'percent' ? formatPercent(value) : value;
            },
          })),
        ]}
      />
    </Space>
  );
}
