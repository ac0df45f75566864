/** Creating an inspection plan by hand: the fields of seed 003 (review window, scope, targets, form, visits' month, self-report deadline, team). */
import { INSPECTION_FORMS, INSPECTION_PERIODS, type TArea, type TInspectionForm, type TInspectionPeriod, type TInspectionPlanInput } from '@contract';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCommune } from '../app/commune';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { usePlans } from '../plans/queries';
import { inspectionApi, useInspectionMutation } from './api';
import { TeamPicker, type TeamValue, teamToMembers } from './TeamPicker';

const AREAS: TArea[] = [1, 2, 3, 4, 5, 6, 7];

interface Values {
  title: string;
  year: number;
  period: TInspectionPeriod;
  reviewFrom: dayjs.Dayjs;
  reviewTo?: dayjs.Dayjs | null;
  areas: TArea[];
  forms: TInspectionForm[];
  coverageGoalPercent: number;
  visitMonth?: dayjs.Dayjs | null;
  selfReportDeadline?: dayjs.Dayjs | null;
  targetUnitIds: number[];
  reviewedPlanId?: number | null;
}

export function PlanForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { communeId } = useCommune();
  const units = useUnits(communeId).data ?? [];
  const plans = usePlans(communeId).data ?? [];
  const [form] = Form.useForm<Values>();
  const [team, setTeam] = useState<TeamValue>({ leader: null, members: [] });
  const create = useInspectionMutation((body: TInspectionPlanInput) => inspectionApi.createPlan(communeId ?? 0, body));
  const year = new Date().getFullYear();

  const submit = (v: Values) =>
    create
      .mutateAsync({
        title: v.title,
        year: v.year,
        period: v.period,
        reviewFrom: toIsoDate(v.reviewFrom),
        reviewTo: v.reviewTo ? toIsoDate(v.reviewTo) : null,
        areas: v.areas,
        forms: v.forms,
        coverageGoalPercent: v.coverageGoalPercent,
        visitMonth: v.visitMonth ? v.visitMonth.format('YYYY-MM') : null,
        selfReportDeadline: v.selfReportDeadline ? toIsoDate(v.selfReportDeadline) : null,
        targetUnitIds: v.targetUnitIds,
        reviewedPlanId: v.reviewedPlanId ?? null,
        team: teamToMembers(team),
      })
      .then((plan) => {
        onClose();
        navigate(`/inspections/plans/${plan.id}`);
      }, notify.error);

  return (
    <Modal
      open={open}
      title={t('ui.insp.plan.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
      okButtonProps={{ 'data-testid': 'plan-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, period: 'H2', areas: AREAS, forms: [...INSPECTION_FORMS], coverageGoalPercent: 30, targetUnitIds: [] }}
      >
        <Form.Item name="title" label={t('ui.insp.plan.title')} rules={[{ required: true, message: t('ui.insp.required') }]}>
          <Input data-testid="plan-title" />
        </Form.Item>
        <Form.Item label={t('ui.insp.plan.yearPeriod')} style={{ marginBottom: 0 }}>
          <Form.Item name="year" style={{ display: 'inline-block', width: 120, marginRight: 8 }}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="period" style={{ display: 'inline-block' }}>
            <Radio.Group options={INSPECTION_PERIODS.map((p) => ({ value: p, label: t(`ui.insp.period.${p}`) }))} />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t('ui.insp.plan.window')} style={{ marginBottom: 0 }}>
          <Form.Item name="reviewFrom" rules={[{ required: true, message: t('ui.insp.required') }]} style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.from')} data-testid="plan-review-from" />
          </Form.Item>
          <Form.Item name="reviewTo" style={{ display: 'inline-block' }} extra={t('ui.insp.plan.toVisit')}>
            <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.toVisitShort')} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="areas" label={t('ui.insp.plan.scope')} extra={t('ui.insp.plan.scopeExtra')}>
          <Checkbox.Group options={AREAS.map((a) => ({ value: a, label: `${a}. ${t(`area.${a}`)}` }))} style={{ display: 'grid' }} />
        </Form.Item>
        <Form.Item name="reviewedPlanId" label={t('ui.insp.plan.reviewedPlan')} extra={t('ui.insp.plan.reviewedPlanExtra')}>
          <Select allowClear options={plans.map((p) => ({ value: p.id, label: p.title }))} data-testid="plan-reviewed" />
        </Form.Item>
        <Form.Item name="targetUnitIds" label={t('ui.insp.plan.targets')}>
          <Select mode="multiple" optionFilterProp="label" options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} data-testid="plan-targets" />
        </Form.Item>
        <Form.Item name="forms" label={t('ui.insp.plan.forms')} rules={[{ required: true, message: t('ui.insp.required') }]}>
          <Checkbox.Group options={INSPECTION_FORMS.map((f) => ({ value: f, label: t(`ui.insp.form.${f}`) }))} />
        </Form.Item>
        <Form.Item label={t('ui.insp.plan.monthDeadline')} style={{ marginBottom: 0 }}>
          <Form.Item name="visitMonth" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker picker="month" format="MM/YYYY" placeholder={t('ui.insp.plan.visitMonth')} data-testid="plan-visit-month" />
          </Form.Item>
          <Form.Item name="selfReportDeadline" style={{ display: 'inline-block' }}>
            <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.selfReportDeadline')} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="coverageGoalPercent" label={t('ui.insp.plan.goal')}>
          <Radio.Group
            options={[
              { value: 30, label: t('ui.insp.plan.goal30') },
              { value: 100, label: t('ui.insp.plan.goal100') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('ui.insp.team.title')}>
          <TeamPicker communeId={communeId} value={team} onChange={setTeam} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
