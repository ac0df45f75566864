/**
 * The coordinator edits a draft plan: its title, issuer, period, reporting regime and key targets.
 * A target is a row: its wording (several lines), comparator, value and unit, ready to be linked to
 * measured figures ("≥ 95 %", "= 100 %", "≥ mức của thành phố").
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPARATORS, type TComparator, type TPlanDetail, type TPlanUpdate } from '@contract';
import { AutoComplete, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { updatePlan, usePlanMutation } from './queries';
import { COMPARATOR_SIGN } from './targets';

interface TargetRow {
  text: string;
  comparator: TComparator | null;
  value: number | null;
  unit: string | null;
}

interface Values {
  title: string;
  issuer: string | null;
  period: [Dayjs, Dayjs];
  reportingRegime: string | null;
  targets: TargetRow[];
}

function toUpdate(values: Values): TPlanUpdate {
  const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    title: values.title.trim(),
    issuer: text(values.issuer),
    periodStart: toIsoDate(values.period[0]),
    periodEnd: toIsoDate(values.period[1]),
    reportingRegime: text(values.reportingRegime),
    targets: (values.targets ?? [])
      .filter((t) => t.text?.trim())
      .map((t) => ({ text: t.text.trim(), comparator: t.comparator ?? null, value: t.value ?? null, unit: text(t.unit) })),
  };
}

export function PlanEditModal({ plan, onClose }: { plan: TPlanDetail; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = usePlanMutation(updatePlan(plan.id));
  const unitOptions = ['%', t('ui.planEdit.unitCount'), t('ui.planEdit.unitCity'), 'hồ sơ', 'thủ tục', 'cơ quan, đơn vị'].map((value) => ({ value }));
  const comparatorOptions = [{ value: '', label: t('ui.planEdit.noMeasure') }, ...COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_SIGN[c] }))];
  const initial: Values = {
    title: plan.title,
    issuer: plan.issuer,
    period: [dayjs(plan.periodStart), dayjs(plan.periodEnd)],
    reportingRegime: plan.reportingRegime,
    targets: plan.targets.map(({ text, comparator, value, unit }) => ({ text, comparator, value, unit })),
  };
  const submit = (values: Values) =>
    save.mutateAsync(toUpdate(values)).then(() => {
      notify.success(t('ui.saved'));
      onClose();
    }, notify.error);
  return (
    <Modal
      open
      title={t('ui.planEdit.title')}
      width={980}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'plan-edit-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="plan-edit-form">
        <Form.Item name="title" label={t('ui.planEdit.planTitle')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="plan-edit-title" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="issuer" label={t('ui.planEdit.issuer')} style={{ flex: '1 1 320px' }}>
            <Input data-testid="plan-edit-issuer" />
          </Form.Item>
          <Form.Item name="period" label={t('ui.planEdit.period')} rules={[{ required: true, message: t('ui.required') }]}>
            <DatePicker.RangePicker format={DATE_FORMAT} data-testid="plan-edit-period" />
          </Form.Item>
        </Flex>
        <Form.Item name="reportingRegime" label={t('ui.planEdit.regime')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-edit-regime" />
        </Form.Item>
        <Typography.Title level={5}>{t('ui.planEdit.targets')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('ui.planEdit.valueHint')}
        </Typography.Paragraph>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} data-testid="plan-edit-targets">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="target-row" className="target-row">
                  <Typography.Text type="secondary" style={{ width: 20, paddingTop: 5 }}>
                    {index + 1}.
                  </Typography.Text>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder={t('ui.planEdit.targetText')} data-testid="target-text" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'comparator']}
                    style={{ width: 150, marginBottom: 0 }}
                    getValueProps={(v) => ({ value: v ?? '' })}
                    normalize={(v) => (v === '' ? null : v)}
                  >
                    <Select options={comparatorOptions} aria-label={t('ui.planEdit.comparator')} data-testid="target-comparator" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ width: 110, marginBottom: 0 }}>
                    <InputNumber placeholder={t('ui.planEdit.value')} style={{ width: '100%' }} decimalSeparator="," data-testid="target-value" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} style={{ width: 170, marginBottom: 0 }}>
                    <AutoComplete options={unitOptions} placeholder={t('ui.planEdit.unit')} data-testid="target-unit" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('ui.planEdit.removeTarget')} onClick={() => remove(field.name)} data-testid="target-remove" />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ text: '', comparator: null, value: null, unit: null })}
                style={{ alignSelf: 'flex-start' }}
                data-testid="target-add"
              >
                {t('ui.planEdit.addTarget')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
