/**
 * A unit proposes a change to the plan in force, with its reason: a new task (from the button), or
 * for one task (from its row's menu) dropping it, a new time frame, new lead units or a new product.
 */
import { AREAS, type TAmendmentChangeKind, type TArea, type TPlanDetail, type TProposalInput, type TTask } from '@contract';
import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useNotify } from '../app/feedback';
import { areaLabel } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { TimeframePreview } from '../tasks/TimeframePreview';
import { proposeChange, usePlanMutation } from './queries';

interface Values {
  content?: string;
  area?: TArea;
  leadUnitIds?: number[];
  timeframeText?: string;
  product?: string;
  reason: string;
}

function toInput(kind: TAmendmentChangeKind, task: TTask | null, v: Values): TProposalInput {
  const trim = (s?: string) => s?.trim() || undefined;
  const change =
    kind === 'add_task'
      ? { content: trim(v.content), area: v.area, leadUnitIds: v.leadUnitIds, timeframeText: trim(v.timeframeText), product: trim(v.product) }
      : kind === 'reschedule'
        ? { timeframeText: trim(v.timeframeText) }
        : kind === 'change_lead'
          ? { leadUnitIds: v.leadUnitIds }
          : kind === 'change_product'
            ? { product: trim(v.product) }
            : {};
  return { kind, taskId: task?.id ?? null, change, reason: v.reason.trim() };
}

export function ProposalModal({ plan, kind, task, onClose }: { plan: TPlanDetail; kind: TAmendmentChangeKind; task: TTask | null; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const units = (useUnits(plan.communeId).data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const send = usePlanMutation(proposeChange(plan.id));
  const timeframeText = Form.useWatch('timeframeText', form) ?? '';
  const required = [{ required: true, whitespace: true, message: t('ui.required') }];
  const submit = (values: Values) =>
    send.mutateAsync(toInput(kind, task, values)).then(() => {
      notify.success(t('ui.proposal.sent'));
      onClose();
    }, notify.error);
  const now = task && (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'task', label: t('ui.proposal.task'), children: task.content },
        ...(kind === 'reschedule' ? [{ key: 'now', label: t('ui.proposal.current'), children: task.timeframeText }] : []),
        ...(kind === 'change_lead' ? [{ key: 'now', label: t('ui.proposal.current'), children: task.leadUnits.map((u) => u.name).join('; ') }] : []),
        ...(kind === 'change_product' ? [{ key: 'now', label: t('ui.proposal.current'), children: task.product || '—' }] : []),
      ]}
    />
  );
  const timeframe = (label: string) => (
    <>
      <Form.Item name="timeframeText" label={label} rules={required} extra={t('ui.taskForm.timeframeHint')}>
        <Input data-testid="proposal-timeframe" />
      </Form.Item>
      <div style={{ marginTop: -8, marginBottom: 16 }}>
        <TimeframePreview text={timeframeText} periodStart={plan.periodStart} periodEnd={plan.periodEnd} />
      </div>
    </>
  );
  return (
    <Modal
      open
      title={t('ui.proposal.title', { kind: t(`changeKind.${kind}`) })}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.proposal.send')}
      cancelText={t('ui.cancel')}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'proposal-send' } as Record<string, string>}
      destroyOnHidden
    >
      {now}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="proposal-form">
        {kind === 'add_task' && (
          <>
            <Form.Item name="area" label={t('ui.task.area')} rules={[{ required: true, message: t('ui.required') }]}>
              <Select options={AREAS.map((a) => ({ value: a, label: areaLabel(t, a) }))} data-testid="proposal-area" />
            </Form.Item>
            <Form.Item name="content" label={t('ui.tasks.col.content')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="proposal-content" />
            </Form.Item>
          </>
        )}
        {(kind === 'add_task' || kind === 'change_lead') && (
          <Form.Item name="leadUnitIds" label={kind === 'add_task' ? t('ui.tasks.col.lead') : t('ui.proposal.newLead')} rules={[{ required: true, message: t('ui.required') }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units} data-testid="proposal-lead" />
          </Form.Item>
        )}
        {kind === 'add_task' && timeframe(t('ui.task.timeframe'))}
        {kind === 'reschedule' && timeframe(t('ui.proposal.newTimeframe'))}
        {(kind === 'add_task' || kind === 'change_product') && (
          <Form.Item name="product" label={kind === 'add_task' ? t('ui.tasks.col.product') : t('ui.proposal.newProduct')} rules={kind === 'add_task' ? [] : required}>
            <Input data-testid="proposal-product" />
          </Form.Item>
        )}
        {kind === 'drop_task' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('ui.proposal.dropNote')} />}
        <Form.Item name="reason" label={t('ui.proposal.reason')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="proposal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
