import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../shared/api.ts';
import { fetchMe, ME_KEY } from '../shared/auth.ts';
import { errorText, useApiErrorHandler } from '../shared/errors.ts';
import { H5AuthPage } from '../shared/h5/H5AuthPage.tsx';
import { PasswordFields } from '../shared/PasswordFields.tsx';
import type { PrivacyPolicy } from '../shared/types.ts';

interface Values {
  phone: string;
  name: string;
  password: string;
  confirm: string;
  accept: boolean;
}

/** Resident self-registration; the current privacy policy must be accepted (PIPL). */
export function RegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const policy = useQuery({
    queryKey: ['privacy-policy'],
    queryFn: () => api.get<PrivacyPolicy>('/api/privacy-policy', { noAuthRedirect: true }),
  });
  const register = useMutation({
    mutationFn: (v: Values & { privacyVersion: string }) =>
      api.post<unknown>(
        '/api/auth/register',
        { phone: v.phone.trim(), name: v.name.trim(), password: v.password, privacyVersion: v.privacyVersion },
        { noAuthRedirect: true },
      ),
  });

  const onFinish = (v: Values) => {
    if (!policy.data) return;
    register.mutate(
      { ...v, privacyVersion: policy.data.version },
      {
        onSuccess: async () => {
          void message.success(t('register.success'));
          try {
            // registration may or may not sign the person in
            await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
            void navigate('/', { replace: true });
          } catch {
            void navigate('/login', { replace: true });
          }
        },
        onError: (e) => onError(e, { form }),
      },
    );
  };

  return (
    <H5AuthPage testId="register-page" title={t('register.title')}>
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
        <Form.Item name="phone" label={t('register.phone')} rules={[{ required: true }, { pattern: /^1[3-9]\d{9}$/, message: t('validation.invalid_phone') }]}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid="register-phone" />
        </Form.Item>
        <Form.Item name="name" label={t('register.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <PasswordFields
          name="password"
          keys={{ label: 'register.password', confirmLabel: 'register.confirmPassword', mismatch: 'sessions.mismatch' }}
          testIds={{ password: 'register-password', confirm: 'register-confirm' }}
        />
        <Typography.Text strong>{t('register.policy')}</Typography.Text>
        {policy.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
        {policy.isError && <Alert type="error" showIcon title={errorText(t, policy.error)} />}
        {policy.data && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {t('register.policyVersion', { version: policy.data.version, date: policy.data.effectiveDate })}
            </Typography.Paragraph>
            <div className="h5-policy" data-testid="privacy-policy">
              {policy.data.text}
            </div>
          </>
        )}
        <Form.Item
          name="accept"
          valuePropName="checked"
          style={{ marginTop: 12 }}
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('register.acceptRequired')))) }]}
        >
          <Checkbox data-testid="register-accept">{t('register.accept')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={register.isPending} disabled={!policy.data} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.goLogin')}</Link>
      </Typography.Paragraph>
    </H5AuthPage>
  );
}
