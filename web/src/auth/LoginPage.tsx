import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TUserEnvelope } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { Lang } from '../../../src/i18n';
import { api } from '../app/api';
import { ME_KEY, useMe } from '../app/auth';
import { useErrorText } from '../app/feedback';
import { useLang } from '../app/i18n';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { lang, setLang, t } = useLang();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: (credentials: Credentials) => api.post<TUserEnvelope>('/api/auth/login', credentials),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      navigate(next, { replace: true });
    },
  });
  if (me.data) return <Navigate to={next} replace />;
  return (
    <div className="login-page">
      <Card className="login-card">
        <Flex justify="flex-end">
          <Segmented
            size="small"
            value={lang}
            onChange={(value) => setLang(value as Lang)}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="lang-switch"
          />
        </Flex>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#1f4e8c', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('ui.login.subtitle')}
        </Typography.Paragraph>
        {login.isError && <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Credentials> layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item label={t('ui.login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('ui.login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t('ui.login.password')} name="password" rules={[{ required: true, message: t('ui.login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('ui.login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
