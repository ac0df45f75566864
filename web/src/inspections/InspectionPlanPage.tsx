/**
 * One inspection plan: period under review, scope, forms, team, and the schedule of visits with the
 * date rules (notice ≥ 5 days before, self-report 3 working days before; none for a surprise visit)
 * the server checks — warned inline, before and after saving.
 */
import type { TInspection, TInspectionInput, TInspectionPlan, TInspectionPlanStatus, TInspectionSummary, TTeamRole } from '@contract';
import { Button, Card, DatePicker, Descriptions, Flex, Modal, Select, Space, Spin, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, formatMonth, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { inspectionApi, useDateCheck, useInspectionMutation, usePlan } from './api';
import { InspectionColumns } from './InspectionsPage';
import { CoverageBar, DateWarnings } from './parts';
import { TeamPicker, type TeamValue, teamFromMembers, teamToMembers } from './TeamPicker';

export function InspectionPlanPage() {
  const id = Number(useParams().planId);
  const plan = usePlan(id);
  if (!plan.data) return <Spin />;
  return <PlanView plan={plan.data} />;
}

function ScheduleForm({ plan }: { plan: TInspectionPlan }) {
  const t = useT();
  const notify = useNotify();
  const units = useUnits(plan.communeId).data ?? [];
  const [unitId, setUnitId] = useState<number | null>(null);
  const [visit, setVisit] = useState<dayjs.Dayjs | null>(null);
  const [surprise, setSurprise] = useState(false);
  const visitDate = visit ? toIsoDate(visit) : null;
  const check = useDateCheck(plan.id, visitDate, surprise);
  const schedule = useInspectionMutation((body: TInspectionInput) => inspectionApi.schedule(plan.id, body));
  const [saved, setSaved] = useState<TInspection | null>(null);
  const save = () => {
    if (unitId === null || visitDate === null) return notify.warn(t('ui.insp.schedule.missing'));
    schedule.mutateAsync({ unitId, visitDate, surprise }).then((inspection) => {
      notify.success(t('ui.saved'));
      setSaved(inspection);
      setVisit(null);
      setUnitId(null);
    }, notify.error);
  };
  return (
    <Flex vertical gap={8} data-testid="schedule-form">
      <Space wrap>
        <Select<number>
          placeholder={t('ui.insp.col.unit')}
          value={unitId ?? undefined}
          onChange={setUnitId}
          options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          style={{ width: 300 }}
          showSearch
          optionFilterProp="label"
          data-testid="schedule-unit"
        />
        <DatePicker format={DATE_FORMAT} value={visit} onChange={setVisit} placeholder={t('ui.insp.col.visit')} data-testid="schedule-date" />
        {plan.forms.includes('surprise') && (
          <Space>
            <Switch checked={surprise} onChange={setSurprise} data-testid="schedule-surprise" />
            {t('ui.insp.form.surprise')}
          </Space>
        )}
        <Button type="primary" onClick={save} loading={schedule.isPending} data-testid="schedule-save">
          {t('ui.insp.schedule.add')}
        </Button>
      </Space>
      {check.data && (
        <Typography.Text type="secondary" data-testid="schedule-rules">
          {check.data.rules.noticeBy
            ? t('ui.insp.rules', { notice: formatDate(check.data.rules.noticeBy), report: formatDate(check.data.rules.selfReportBy) })
            : t('ui.insp.rules.surprise')}
        </Typography.Text>
      )}
      {check.data && <DateWarnings warnings={check.data.warnings} testId="schedule-warnings" />}
      {saved && !visit && saved.warnings.length > 0 && (
        <>
          <Typography.Text strong>{t('ui.insp.schedule.savedWarnings', { unit: saved.unit.name, date: formatDate(saved.visitDate) })}</Typography.Text>
          <DateWarnings warnings={saved.warnings} testId="saved-warnings" />
        </>
      )}
    </Flex>
  );
}

function TeamCard({ plan }: { plan: TInspectionPlan }) {
  const t = useT();
  const notify = useNotify();
  const [editing, setEditing] = useState<TeamValue | null>(null);
  const save = useInspectionMutation((team: { userId: number; role: TTeamRole }[]) => inspectionApi.updatePlan(plan.id, { version: plan.version, team }));
  return (
    <Card
      size="small"
      title={t('ui.insp.team.title')}
      extra={
        plan.can.canEdit && (
          <Button size="small" onClick={() => setEditing(teamFromMembers(plan.team))} data-testid="team-edit">
            {t('ui.edit')}
          </Button>
        )
      }
    >
      <Flex vertical gap={4} data-testid="plan-team">
        {plan.team.map((m) => (
          <span key={m.userId}>
            {m.role === 'leader' && <Tag color="gold">{t('ui.insp.team.leader')}</Tag>}
            {m.fullName}
            {m.unitName && <Typography.Text type="secondary"> — {m.unitName}</Typography.Text>}
          </span>
        ))}
        {plan.team.length === 0 && <Typography.Text type="secondary">{t('ui.insp.team.none')}</Typography.Text>}
      </Flex>
      <Modal
        open={editing !== null}
        title={t('ui.insp.team.title')}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        onOk={() => editing && save.mutateAsync(teamToMembers(editing)).then(() => setEditing(null), notify.error)}
      >
        {editing && <TeamPicker communeId={plan.communeId} value={editing} onChange={setEditing} />}
      </Modal>
    </Card>
  );
}

function PlanView({ plan }: { plan: TInspectionPlan }) {
  const t = useT();
  const notify = useNotify();
  const setStatus = useInspectionMutation((status: TInspectionPlanStatus) => inspectionApi.setPlanStatus(plan.id, { status, version: plan.version }));
  const base = InspectionColumns();
  const columns: TableColumnsType<TInspectionSummary> = [
    ...base,
    {
      key: 'notice',
      title: t('ui.insp.col.notice'),
      width: 130,
      render: (_, i) => (i.noticeSentAt ? formatDate(i.noticeSentAt) : i.surprise ? '—' : <Tag>{t('ui.insp.notice.notSent')}</Tag>),
    },
  ];
  const window = plan.reviewTo ? `${formatDate(plan.reviewFrom)} – ${formatDate(plan.reviewTo)}` : t('ui.insp.plan.windowToVisit', { from: formatDate(plan.reviewFrom) });
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title" data-testid="inspection-plan-title">
        {plan.title}
      </Typography.Title>
      <Space wrap>
        <Tag>{t(`ui.insp.planStatus.${plan.status}`)}</Tag>
        {plan.can.canIssue && plan.status === 'draft' && (
          <Button onClick={() => setStatus.mutateAsync('issued').catch(notify.error)} data-testid="plan-issue">
            {t('ui.insp.plan.issue')}
          </Button>
        )}
        {plan.can.canClose && plan.status === 'issued' && <Button onClick={() => setStatus.mutateAsync('closed').catch(notify.error)}>{t('ui.insp.plan.close')}</Button>}
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('ui.insp.plan.number')}>{plan.number || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.period')}>{`${t(`ui.insp.period.${plan.period}`)} ${plan.year}`}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.window')}>{window}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.forms')}>{plan.forms.map((f) => t(`ui.insp.form.${f}`)).join(', ')}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.visitMonth')}>{formatMonth(plan.visitMonth) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.selfReportDeadline')}>{formatDate(plan.selfReportDeadline) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.scope')} span={2}>
            {plan.areas.map((a) => `${a}. ${t(`area.${a}`)}`).join('; ')}
            {plan.reviewedPlan && `; ${t('ui.insp.area.KH')}: ${plan.reviewedPlan.title}`}
          </Descriptions.Item>
          {plan.sourceFileName && <Descriptions.Item label={t('ui.insp.plan.source')}>{plan.sourceFileName}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('ui.insp.coverage.title', { year: plan.year })}>
        <CoverageBar coverage={plan.coverage} />
      </Card>
      <TeamCard plan={plan} />
      <Card size="small" title={t('ui.insp.schedule.title')}>
        <Flex vertical gap={12}>
          {plan.can.canSchedule && <ScheduleForm plan={plan} />}
          <Table<TInspectionSummary> rowKey="id" size="small" columns={columns} dataSource={plan.inspections} pagination={false} scroll={{ x: 900 }} data-testid="plan-schedule" />
        </Flex>
      </Card>
    </Flex>
  );
}
