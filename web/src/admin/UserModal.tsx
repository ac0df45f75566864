import { ROLES, type TRole, type TUser, UNIT_ROLES } from '@contract';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useCommunes, useUnits } from '../app/reference';
import { useCreateUser, useUpdateUser } from './queries';

interface Values {
  username: string;
  fullName: string;
  title?: string;
  role: TRole;
  communeId?: number | null;
  unitId?: number | null;
  password?: string;
  active: boolean;
  mustChangePassword: boolean;
}

/** The server's policy also refuses guessable passwords; the form checks the length up front. */
export const MIN_PASSWORD = 10;

/** The server's placement rule: a unit's people belong to a unit. */

function useSubmit(user: TUser | null, onClose: () => void) {
  const t = useT();
  const notify = useNotify();
  const create = useCreateUser();
  const update = useUpdateUser();
  const callbacks = {
    onSuccess: () => {
      notify.success(t('ui.saved'));
      onClose();
    },
    onError: notify.error,
  };
  const submit = (v: Values) => {
    const common = {
      fullName: v.fullName.trim(),
      title: v.title?.trim() || undefined,
      role: v.role,
      communeId: v.communeId ?? null,
      unitId: v.unitId ?? null,
      mustChangePassword: v.mustChangePassword,
    };
    if (user) update.mutate({ id: user.id, input: { ...common, title: common.title ?? null, active: v.active } }, callbacks);
    else create.mutate({ ...common, username: v.username.trim(), password: v.password ?? '' }, callbacks);
  };
  return { submit, pending: create.isPending || update.isPending };
}

export function UserModal({ user, communeId, onClose }: { user: TUser | null; communeId: number | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useSubmit(user, onClose);
  const communes = useCommunes();
  const chosenCommune = Form.useWatch('communeId', form) ?? null;
  const role = Form.useWatch('role', form);
  const units = useUnits(chosenCommune);
  const initial: Partial<Values> = user ? { ...user, title: user.title ?? undefined } : { role: 'unit_staff', communeId, active: true, mustChangePassword: true };
  return (
    <Modal
      open
      title={user ? t('ui.users.edit') : t('ui.users.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="user-form">
        <Form.Item name="username" label={t('ui.login.username')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input disabled={user !== null} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="fullName" label={t('ui.users.fullName')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input data-testid="user-form-full-name" />
        </Form.Item>
        <Form.Item name="title" label={t('ui.users.title')}>
          <Input placeholder={t('ui.users.titlePlaceholder')} data-testid="user-form-title" />
        </Form.Item>
        <Form.Item name="role" label={t('ui.users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-form-role" />
        </Form.Item>
        <Form.Item name="communeId" label={t('ui.header.commune')} extra={t('ui.users.communeHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('unitId', null)}
            data-testid="user-form-commune"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('ui.users.unit')}
          rules={[{ required: role !== undefined && (UNIT_ROLES as readonly TRole[]).includes(role), message: t('ui.users.unitRequired') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={chosenCommune === null}
            options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="user-form-unit"
          />
        </Form.Item>
        {user === null && (
          <Form.Item
            name="password"
            label={t('ui.login.password')}
            extra={t('ui.password.rule')}
            rules={[{ required: true, min: MIN_PASSWORD, message: t('ui.users.passwordRule', { min: MIN_PASSWORD }) }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox data-testid="user-form-must-change">{t('ui.users.mustChangePassword')}</Checkbox>
        </Form.Item>
        {user !== null && (
          <Form.Item name="active" valuePropName="checked">
            <Checkbox data-testid="user-form-active">{t('ui.active')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
