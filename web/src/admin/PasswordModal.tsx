import type { TUser } from '@contract';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useResetPassword } from './queries';
import { MIN_PASSWORD } from './UserModal';

export function PasswordModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const reset = useResetPassword();
  const [form] = Form.useForm<{ password: string; mustChangePassword: boolean }>();
  return (
    <Modal
      open
      title={t('ui.users.resetPasswordFor', { name: user.fullName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'password-form-submit' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mustChangePassword: true }}
        onFinish={({ password, mustChangePassword }) =>
          reset.mutate(
            { id: user.id, password, mustChangePassword },
            {
              onSuccess: () => {
                notify.success(t('ui.users.passwordReset'));
                onClose();
              },
              onError: notify.error,
            },
          )
        }
      >
        <Form.Item
          name="password"
          label={t('ui.users.newPassword')}
          extra={t('ui.password.rule')}
          rules={[{ required: true, min: MIN_PASSWORD, message: t('ui.users.passwordRule', { min: MIN_PASSWORD }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-form-input" />
        </Form.Item>
        {/* The administrator knows this password: by default the user replaces it at the next sign-in. */}
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox data-testid="password-form-must-change">{t('ui.users.mustChangePassword')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
