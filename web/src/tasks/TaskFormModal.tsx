import { AREAS, type TArea, type TPlanDetail, type TTaskDetail, type TTaskInput, type TUnit } from '@contract';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../app/api';
import { useNotify } from '../app/feedback';
import { areaLabel, DATE_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { usePlan } from '../plans/queries';
import { useCreateCityTask, useCreatePlanTask, useUpdateTask } from './queries';
import { TimeframePreview } from './TimeframePreview';

export type TaskFormMode = { kind: 'edit'; task: TTaskDetail } | { kind: 'createPlan'; plan: TPlanDetail } | { kind: 'createCity'; communeId: number };

interface Values {
  area: TArea;
  number?: number | null;
  content: string;
  leadUnitIds: number[];
  coordinatorUnitIds: number[];
  timeframeText: string;
  product?: string;
  dueOverride?: Dayjs | null;
  sourceDocument?: string;
}

function initialValues(mode: TaskFormMode): Partial<Values> {
  if (mode.kind !== 'edit') return { leadUnitIds: [], coordinatorUnitIds: [], timeframeText: '' };
  const { task } = mode;
  return {
    area: task.area,
    number: task.number,
    content: task.content,
    leadUnitIds: task.leadUnits.map((u) => u.id),
    coordinatorUnitIds: task.coordinatorUnits.map((u) => u.id),
    timeframeText: task.timeframeText,
    product: task.product,
    dueOverride: task.dueOverride ? dayjs(task.dueOverride) : null,
    sourceDocument: task.sourceDocument ?? undefined,
  };
}

function toInput(values: Values): TTaskInput {
  return {
    area: values.area,
    number: values.number ?? null,
    content: values.content.trim(),
    leadUnitIds: values.leadUnitIds,
    coordinatorUnitIds: values.coordinatorUnitIds,
    timeframeText: values.timeframeText.trim(),
    product: values.product?.trim() ?? '',
    dueOverride: values.dueOverride ? toIsoDate(values.dueOverride) : null,
  };
}

/** Tasks outside a plan (given by the city) are read against the current calendar year. */
function usePeriod(mode: TaskFormMode): { start: string; end: string } {
  const planId = mode.kind === 'edit' ? mode.task.planId : mode.kind === 'createPlan' ? mode.plan.id : null;
  const plan = usePlan(mode.kind === 'edit' ? planId : null);
  const source = mode.kind === 'createPlan' ? mode.plan : plan.data;
  if (source) return { start: source.periodStart, end: source.periodEnd };
  const year = dayjs().year();
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

function communeOf(mode: TaskFormMode): number {
  if (mode.kind === 'edit') return mode.task.communeId;
  return mode.kind === 'createPlan' ? mode.plan.communeId : mode.communeId;
}

function unitOptions(units: TUnit[], selected: number[]) {
  return units.filter((u) => u.active || selected.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
}

function useSave(mode: TaskFormMode) {
  const update = useUpdateTask(mode.kind === 'edit' ? mode.task.id : 0);
  const createPlan = useCreatePlanTask(mode.kind === 'createPlan' ? mode.plan.id : 0);
  const createCity = useCreateCityTask();
  const pending = update.isPending || createPlan.isPending || createCity.isPending;
  const save = (values: Values) => {
    const input = toInput(values);
    if (mode.kind === 'edit') {
      return update.mutateAsync({ ...input, version: mode.task.version });
    }
    if (mode.kind === 'createPlan') return createPlan.mutateAsync(input);
    return createCity.mutateAsync({
      ...input,
      communeId: mode.communeId,
      origin: 'city_assigned',
      sourceDocument: values.sourceDocument?.trim() ?? '',
    });
  };
  return { save, pending };
}

export function TaskFormModal({ mode, onClose }: { mode: TaskFormMode; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const units = useUnits(communeOf(mode)).data ?? [];
  const period = usePeriod(mode);
  const { save, pending } = useSave(mode);
  const timeframeText = Form.useWatch('timeframeText', form) ?? '';
  const lead = Form.useWatch('leadUnitIds', form) ?? [];
  const coordinating = Form.useWatch('coordinatorUnitIds', form) ?? [];
  const isCity = mode.kind === 'createCity' || (mode.kind === 'edit' && mode.task.origin === 'city_assigned');

  const submit = (values: Values) =>
    save(values).then(
      () => {
        notify.success(t('ui.saved'));
        onClose();
      },
      (error: unknown) => {
        notify.error(error);
        // Someone else changed the task: the fresh copy is being loaded; start again from it.
        if (error instanceof ApiError && error.status === 409) onClose();
      },
    );

  return (
    <Modal
      open
      title={mode.kind === 'edit' ? t('ui.taskForm.editTitle') : t('ui.taskForm.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={pending}
      width={760}
      okButtonProps={{ 'data-testid': 'task-form-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(mode)} onFinish={submit} data-testid="task-form">
        {isCity && (
          <Form.Item name="sourceDocument" label={t('ui.tasks.col.source')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
            {/* PATCH /api/tasks/:id does not take the source document: shown, not editable. */}
            <Input disabled={mode.kind === 'edit'} placeholder={t('ui.taskForm.sourcePlaceholder')} data-testid="task-form-source" />
          </Form.Item>
        )}
        <Form.Item name="area" label={t('ui.task.area')} rules={[{ required: true, message: t('ui.required') }]}>
          <Select options={AREAS.map((a) => ({ value: a, label: areaLabel(t, a) }))} data-testid="task-form-area" />
        </Form.Item>
        <Form.Item name="number" label={t('ui.tasks.col.number')}>
          <InputNumber min={1} max={10000} style={{ width: 120 }} data-testid="task-form-number" />
        </Form.Item>
        <Form.Item name="content" label={t('ui.tasks.col.content')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input.TextArea rows={3} data-testid="task-form-content" />
        </Form.Item>
        <Form.Item name="leadUnitIds" label={t('ui.tasks.col.lead')} rules={[{ required: true, message: t('ui.required') }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units, lead)} data-testid="task-form-lead" />
        </Form.Item>
        <Form.Item name="coordinatorUnitIds" label={t('ui.tasks.col.coordinating')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units, coordinating)} data-testid="task-form-coordinating" />
        </Form.Item>
        <Form.Item name="timeframeText" label={t('ui.task.timeframe')} extra={t('ui.taskForm.timeframeHint')}>
          <Input data-testid="task-form-timeframe" />
        </Form.Item>
        <div style={{ marginTop: -8, marginBottom: 16 }}>
          <TimeframePreview text={timeframeText} periodStart={period.start} periodEnd={period.end} />
        </div>
        <Form.Item name="dueOverride" label={t('ui.taskForm.dueOverride')} extra={t('ui.taskForm.dueOverrideHint')}>
          <DatePicker format={DATE_FORMAT} data-testid="task-form-due-override" />
        </Form.Item>
        <Form.Item name="product" label={t('ui.tasks.col.product')}>
          <Input data-testid="task-form-product" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
