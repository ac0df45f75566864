/** A user replaces their own password: on demand from the header, or when an administrator requires it. */
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { api } from '../app/api';
import { ME_KEY } from '../app/auth';
import { useErrorText, useNotify } from '../app/feedback';
import { useT } from '../app/i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const MIN_PASSWORD = 10;

function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => api.post<void>('/api/auth/password', { currentPassword, newPassword }),
    // The session stays; /api/auth/me now says the change is no longer required.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

function ChangePasswordForm({ onDone, submitLabel }: { onDone: () => void; submitLabel?: string }) {
  const t = useT();
  const notify = useNotify();
  const errorText = useErrorText();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        change.mutate(values, {
          onSuccess: () => {
            notify.success(t('ui.password.changed'));
            form.resetFields();
            onDone();
          },
        })
      }
      data-testid="change-password-form"
    >
      {change.isError && <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
      <Form.Item name="currentPassword" label={t('ui.password.current')} rules={[{ required: true, message: t('ui.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('ui.password.new')}
        extra={t('ui.password.rule')}
        rules={[{ required: true, min: MIN_PASSWORD, message: t('ui.users.passwordRule', { min: MIN_PASSWORD }) }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="change-password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('ui.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('ui.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('ui.password.mismatch')))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="change-password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="change-password-submit">
        {submitLabel ?? t('ui.password.change')}
      </Button>
    </Form>
  );
}

/** Shown instead of the app while an administrator requires a new password. */
export function ChangePasswordRequired({ onLogout }: { onLogout: () => void }) {
  const t = useT();
  return (
    <div className="login-page">
      <Card className="login-card" data-testid="change-password-required">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('ui.password.requiredTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('ui.password.requiredText')}</Typography.Paragraph>
        <ChangePasswordForm onDone={() => undefined} />
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button type="link" icon={<LogoutOutlined />} onClick={onLogout} data-testid="change-password-logout">
            {t('ui.header.logout')}
          </Button>
        </Flex>
      </Card>
    </div>
  );
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal open title={t('ui.password.change')} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}
