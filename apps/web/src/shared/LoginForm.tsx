import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tooltip } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.ts';
import { fetchCaptcha, useLogin } from './auth.ts';
import { errorText } from './errors.ts';
import { FormErrorAlert } from './FormErrorAlert.tsx';
import type { Captcha } from './types.ts';
import './captcha.css';

interface Values {
  login: string;
  password: string;
  captchaText?: string;
}

interface Props {
  onSuccess: () => void;
  size?: 'middle' | 'large';
  footer?: ReactNode;
  /** prefills the phone-or-username field (e.g. after a password reset) */
  initialLogin?: string;
}

function wantsCaptcha(err: unknown): boolean {
  if (!isApiError(err)) return false;
  const details = err.details as { captchaRequired?: unknown } | null | undefined;
  return err.code === 'captcha_required' || details?.captchaRequired === true;
}

/**
 * Phone-or-username + password. After the server answers `captcha_required` (or says
 * `details.captchaRequired`), a captcha from GET /api/auth/captcha is shown and sent with
 * every following attempt; a failed attempt always fetches a fresh one.
 */
export function LoginForm({ onSuccess, size = 'large', footer, initialLogin }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refreshCaptcha = useCallback(async () => {
    form.setFieldValue('captchaText', '');
    try {
      setCaptcha(await fetchCaptcha());
    } catch (e) {
      setError(errorText(t, e));
    }
  }, [form, t]);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      await login.mutateAsync({
        login: v.login.trim(),
        password: v.password,
        ...(captcha ? { captchaId: captcha.id, captchaText: (v.captchaText ?? '').trim() } : {}),
      });
      onSuccess();
    } catch (e) {
      if (captcha || wantsCaptcha(e)) void refreshCaptcha();
      setError(isApiError(e) && !e.message ? t(`error.${e.code}`, { defaultValue: t('error.unknown') }) : errorText(t, e));
    }
  };

  return (
    <Form
      form={form}
      size={size}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      autoComplete="on"
      initialValues={initialLogin ? { login: initialLogin } : undefined}
    >
      <FormErrorAlert error={error} testId="login-error" />
      <Form.Item name="login" label={t('auth.login')} rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      {captcha && (
        <Form.Item label={t('auth.captcha')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="captchaText" noStyle rules={[{ required: true, whitespace: true, message: t('auth.captchaRequired') }]}>
              <Input prefix={<SafetyOutlined />} autoComplete="off" maxLength={16} data-testid="login-captcha" />
            </Form.Item>
            <Tooltip title={t('auth.captchaHint')}>
              <div
                role="img"
                aria-label={t('auth.captchaHint')}
                className="wuye-captcha"
                data-testid="login-captcha-image"
                onClick={() => void refreshCaptcha()}
                style={{ width: 120, minWidth: 120, height: size === 'large' ? 40 : 32, cursor: 'pointer', overflow: 'hidden', border: '1px solid #d9d9d9', borderLeft: 0, borderRadius: '0 8px 8px 0', background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                dangerouslySetInnerHTML={{ __html: captcha.svg }}
              />
            </Tooltip>
          </Space.Compact>
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: footer ? 12 : 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form.Item>
      {footer}
    </Form>
  );
}
