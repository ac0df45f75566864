import { DeleteOutlined } from '@ant-design/icons';
import type { TCalendarOverride } from '@contract';
import { Button, Card, Col, DatePicker, Flex, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { usePermissions } from '../app/auth';
import { useNotify } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { OverrideForm } from './OverrideForm';
import { useCalendar, useRemoveOverride } from './queries';

function weekday(iso: string): string {
  return dayjs(iso).format('dddd');
}

function Overrides({ year, overrides }: { year: number; overrides: TCalendarOverride[] }) {
  const t = useT();
  // The calendar is national: only the city's administrator changes it.
  const { canManageCity } = usePermissions();
  const notify = useNotify();
  const remove = useRemoveOverride();
  return (
    <Card title={t('ui.calendar.overrides')} size="small">
      {canManageCity && <OverrideForm year={year} />}
      <Table<TCalendarOverride>
        data-testid="overrides-table"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...overrides].sort((a, b) => a.date.localeCompare(b.date))}
        locale={{ emptyText: t('ui.calendar.noOverrides') }}
        columns={[
          { key: 'date', title: t('ui.calendar.date'), render: (_, o) => `${formatDate(o.date)} (${weekday(o.date)})` },
          {
            key: 'kind',
            title: t('ui.calendar.kind'),
            render: (_, o) => <Tag color={o.kind === 'day_off' ? 'red' : 'blue'}>{t(`ui.calendar.kind.${o.kind}`)}</Tag>,
          },
          { key: 'note', title: t('ui.calendar.note'), render: (_, o) => o.note },
          {
            key: 'actions',
            title: '',
            width: 60,
            render: (_, o) =>
              canManageCity && (
                <Popconfirm
                  title={t('ui.calendar.removeConfirm')}
                  okText={t('ui.delete')}
                  cancelText={t('ui.cancel')}
                  onConfirm={() => remove.mutate(o.id, { onError: notify.error })}
                >
                  <Button danger icon={<DeleteOutlined />} aria-label={t('ui.delete')} data-testid="override-remove" />
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function CalendarPage() {
  const t = useT();
  const [year, setYear] = useState(dayjs().year());
  const calendar = useCalendar(year);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.calendar')}
        </Typography.Title>
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs().year(year)}
          onChange={(d) => d && setYear(d.year())}
          aria-label={t('ui.calendar.year')}
          data-testid="calendar-year"
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('ui.calendar.explain')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card title={t('ui.calendar.holidays', { year })} size="small">
            <Table
              data-testid="holidays-table"
              size="small"
              rowKey="date"
              loading={calendar.isPending}
              pagination={false}
              dataSource={calendar.data?.holidays ?? []}
              columns={[
                { key: 'date', title: t('ui.calendar.date'), render: (_, h) => `${formatDate(h.date)} (${weekday(h.date)})` },
                { key: 'name', title: t('ui.calendar.holiday'), render: (_, h) => h.name },
              ]}
            />
            {calendar.data && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('ui.calendar.daysOffCount', { count: calendar.data.daysOff.length })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Overrides year={year} overrides={calendar.data?.overrides ?? []} />
        </Col>
      </Row>
    </>
  );
}
