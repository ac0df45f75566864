import type { TUnit, TUnitInput, TUnitKind } from '@contract';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useSaveUnit } from './queries';

const KINDS: TUnitKind[] = ['internal', 'catch_all', 'outside'];

export function UnitModal({ communeId, unit, onClose }: { communeId: number; unit: TUnit | null; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const save = useSaveUnit(communeId);
  const [form] = Form.useForm<TUnitInput>();
  const submit = (values: TUnitInput) =>
    save.mutate(
      { id: unit?.id, input: { ...values, shortName: values.shortName?.trim() || null } },
      {
        onSuccess: () => {
          notify.success(t('ui.saved'));
          onClose();
        },
        onError: notify.error,
      },
    );
  return (
    <Modal
      open
      title={unit ? t('ui.units.edit') : t('ui.units.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'unit-form-submit' } as Record<string, string>}
    >
      <Form<TUnitInput> form={form} layout="vertical" initialValues={unit ?? { kind: 'internal', isCoordinator: false, active: true }} onFinish={submit} data-testid="unit-form">
        <Form.Item name="name" label={t('ui.units.name')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('ui.units.shortName')}>
          <Input data-testid="unit-form-short-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.units.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`ui.units.kind.${k}`) }))} data-testid="unit-form-kind" />
        </Form.Item>
        <Form.Item name="isCoordinator" valuePropName="checked">
          <Checkbox data-testid="unit-form-coordinator">{t('ui.units.isCoordinator')}</Checkbox>
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox data-testid="unit-form-active">{t('ui.active')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
