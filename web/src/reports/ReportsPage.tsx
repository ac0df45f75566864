/** Periods of a plan and their reports by status; a unit opens its own report, the coordinator consolidates. City users see the communes' reports. */

import type { TPeriodWithReports as Period, TPeriodReportRef as PeriodReportRef } from '@contract';
import { Button, DatePicker, Empty, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { usePermissions, useUser } from '../app/auth';
import { useCommune } from '../app/commune';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, formatPeriod, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { CityRequestsList } from '../city/CityRequests';
import { usePlans } from '../plans/queries';
import { CityReports } from './CityReports';
import { reportApi, usePeriods, useReportMutation, useTemplates } from './queries';
import { StatusTag } from './StatusTag';

export function ReportsPage() {
  const t = useT();
  const user = useUser();
  const { canManageCity } = usePermissions();
  if (user.communeId === null && (user.role === 'city_reviewer' || user.role === 'admin')) {
    return (
      <>
        {canManageCity && (
          <Link to="/reports/templates" data-testid="templates-link" style={{ float: 'right' }}>
            {t('ui.reports.templates.title')}
          </Link>
        )}
        <CityReports />
      </>
    );
  }
  return (
    <>
      <Typography.Title level={3}>{t('ui.reports.title')}</Typography.Title>
      <CommunePeriods />
    </>
  );
}

function CommunePeriods() {
  const t = useT();
  const user = useUser();
  const notify = useNotify();
  const navigate = useNavigate();
  const { communeId } = useCommune();
  const plans = usePlans(communeId);
  const [chosen, setChosen] = useState<number | null>(null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const periods = usePeriods(planId);
  const make = useReportMutation((id: number) => reportApi.makePeriods(id));
  const openUnit = useReportMutation((id: number) => reportApi.openUnit(id));
  const consolidate = useReportMutation((id: number) => reportApi.consolidate(id));
  const [editing, setEditing] = useState<Period | null>(null);
  const go = (promise: Promise<{ id: number }>) => promise.then((r) => navigate(`/reports/${r.id}`)).catch(notify.error);

  const columns = [
    { title: t('ui.reports.period'), dataIndex: 'label', key: 'label' },
    { title: t('ui.reports.window'), key: 'window', render: (_: unknown, p: Period) => formatPeriod(p.windowStart, p.windowEnd) },
    { title: t('ui.reports.unitDeadline'), key: 'unit', render: (_: unknown, p: Period) => formatDate(p.unitDeadline) },
    { title: t('ui.reports.communeDeadline'), key: 'commune', render: (_: unknown, p: Period) => formatDate(p.communeDeadline) },
    {
      title: t('ui.reports.reports'),
      key: 'reports',
      render: (_: unknown, p: Period) => (
        <Space direction="vertical" size={2}>
          {p.reports.map((r: PeriodReportRef) => (
            <Space key={r.id} size={4} data-testid={`report-${r.id}`}>
              <Link to={`/reports/${r.id}`}>{r.level === 'commune' ? t('ui.reports.communeReport') : r.unitName}</Link>
              <StatusTag status={r.status} />
              {r.daysLate !== null && (r.daysLate > 0 ? <Tag color="red">{t('ui.reports.late', { days: r.daysLate })}</Tag> : <Tag color="green">{t('ui.reports.onTime')}</Tag>)}
            </Space>
          ))}
        </Space>
      ),
    },
    {
      // The city's requests about this period's report stay here, with the answer box, until answered.
      title: t('ui.reports.requests'),
      key: 'requests',
      render: (_: unknown, p: Period) => <CityRequestsList communeId={p.communeId} periodId={p.id} />,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p: Period) => (
        <Space>
          {user.unitId !== null && (user.role === 'unit_head' || user.role === 'unit_staff') && (
            <Button size="small" onClick={() => go(openUnit.mutateAsync(p.id))} data-testid={`open-unit-${p.code}`}>
              {t('ui.reports.openUnit')}
            </Button>
          )}
          {p.canManage && (
            <Button size="small" onClick={() => setEditing(p)} data-testid={`edit-period-${p.code}`}>
              {t('ui.reports.editPeriod')}
            </Button>
          )}
          {p.canManage && p.reports.some((r) => r.level === 'unit' && r.status === 'accepted') && (
            <Button size="small" type="primary" onClick={() => go(consolidate.mutateAsync(p.id))} data-testid={`consolidate-${p.code}`}>
              {t('ui.reports.consolidate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {t('ui.reports.plan')}
        <Select style={{ minWidth: 360 }} value={planId ?? undefined} onChange={setChosen} options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
      </Space>
      {periods.data && periods.data.length === 0 ? (
        <Empty description={t('ui.reports.noPeriods')}>
          {planId !== null && (
            <Button type="primary" loading={make.isPending} onClick={() => make.mutateAsync(planId).catch(notify.error)} data-testid="make-periods">
              {t('ui.reports.makePeriods')}
            </Button>
          )}
        </Empty>
      ) : (
        <Table rowKey="id" loading={periods.isLoading} dataSource={periods.data ?? []} columns={columns} pagination={false} />
      )}
      {editing && <PeriodEditor period={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

/** The period's deadlines (units', commune's) and the template version new reports of it are made with. */
function PeriodEditor({ period, onClose }: { period: Period; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const templates = useTemplates();
  const [unitDeadline, setUnitDeadline] = useState(period.unitDeadline);
  const [communeDeadline, setCommuneDeadline] = useState(period.communeDeadline);
  const [templateId, setTemplateId] = useState(period.templateId);
  const save = useReportMutation(() => reportApi.editPeriod(period.id, { unitDeadline, communeDeadline, ...(templateId !== period.templateId ? { templateId } : {}) }));
  return (
    <Modal
      open
      title={`${t('ui.reports.editPeriod')} — ${period.label}`}
      onCancel={onClose}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      onOk={() =>
        save.mutateAsync(undefined).then(() => {
          notify.success(t('ui.saved'));
          onClose();
        }, notify.error)
      }
      okButtonProps={{ 'data-testid': 'period-save' } as Record<string, string>}
    >
      <Form layout="vertical">
        <Form.Item label={t('ui.reports.unitDeadline')}>
          <DatePicker format={DATE_FORMAT} allowClear={false} value={dayjs(unitDeadline)} onChange={(d) => d && setUnitDeadline(toIsoDate(d))} data-testid="period-unit-deadline" />
        </Form.Item>
        <Form.Item label={t('ui.reports.communeDeadline')}>
          <DatePicker
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(communeDeadline)}
            onChange={(d) => d && setCommuneDeadline(toIsoDate(d))}
            data-testid="period-commune-deadline"
          />
        </Form.Item>
        <Form.Item label={t('ui.reports.template')} extra={t('ui.reports.templateKept')}>
          <Select
            value={templateId}
            onChange={setTemplateId}
            options={(templates.data ?? []).map((v) => ({ value: v.id, label: `${v.name} (v${v.version})` }))}
            data-testid="period-template"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
