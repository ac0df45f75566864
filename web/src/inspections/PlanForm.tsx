/** Creating an inspection plan by hand: the fields of seed 003 (review window, scope, targets, form, visits' month, self-report deadline, team). */
import { INSPECTION_FORMS } from '@contract';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, MONTH_FORMAT } from '../app/format';
import { useT } from '../app/i18n';
import { AREAS, areaOptions, formOptions, goalOptions, type PlanValues, periodOptions, toPlanInput, usePlanCreation } from './planFields';
import { TeamPicker } from './TeamPicker';

export function PlanForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { communeId, units, plans, team, setTeam, create } = usePlanCreation();
  const [form] = Form.useForm<PlanValues>();
  const year = new Date().getFullYear();

  const submit = (v: PlanValues) =>
    create.mutateAsync(toPlanInput(v, team)).then((plan) => {
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
      <Form<PlanValues>
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
            <Radio.Group options={periodOptions(t)} />
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
          <Checkbox.Group options={areaOptions(t)} style={{ display: 'grid' }} />
        </Form.Item>
        <Form.Item name="reviewedPlanId" label={t('ui.insp.plan.reviewedPlan')} extra={t('ui.insp.plan.reviewedPlanExtra')}>
          <Select allowClear options={plans.map((p) => ({ value: p.id, label: p.title }))} data-testid="plan-reviewed" />
        </Form.Item>
        <Form.Item name="targetUnitIds" label={t('ui.insp.plan.targets')}>
          <Select mode="multiple" optionFilterProp="label" options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} data-testid="plan-targets" />
        </Form.Item>
        <Form.Item name="forms" label={t('ui.insp.plan.forms')} rules={[{ required: true, message: t('ui.insp.required') }]}>
          <Checkbox.Group options={formOptions(t)} />
        </Form.Item>
        <Form.Item label={t('ui.insp.plan.monthDeadline')} style={{ marginBottom: 0 }}>
          <Form.Item name="visitMonth" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker picker="month" format={MONTH_FORMAT} placeholder={t('ui.insp.plan.visitMonth')} data-testid="plan-visit-month" />
          </Form.Item>
          <Form.Item name="selfReportDeadline" style={{ display: 'inline-block' }}>
            <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.selfReportDeadline')} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="coverageGoalPercent" label={t('ui.insp.plan.goal')}>
          <Radio.Group options={goalOptions(t)} />
        </Form.Item>
        <Form.Item label={t('ui.insp.team.title')}>
          <TeamPicker communeId={communeId} value={team} onChange={setTeam} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
