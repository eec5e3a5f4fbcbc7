import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api.ts';
import { applyFieldErrors, errorText } from '../errors.ts';
import { useResetByCode } from './api.ts';
import { phoneRules } from './phone.ts';
import { SmsCodeField } from './SmsCodeField.tsx';

interface Values {
  phone: string;
  code: string;
  newPassword: string;
  confirm: string;
}

/** What the login page receives (router state) after a successful reset. */
export interface PasswordResetState {
  passwordReset: true;
  phone: string;
}

/**
 * 忘记密码: a code sent to the account's phone (purpose 'reset') sets a new password; every
 * session of that person ends, so it returns to the password login with the number filled in.
 */
export function ResetPasswordForm({ size = 'large' }: { size?: 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const reset = useResetByCode();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setError(null);
    const phone = v.phone.trim();
    try {
      await reset.mutateAsync({ phone, code: v.code.trim(), newPassword: v.newPassword });
      void message.success(t('smsAuth.resetDone'));
      const state: PasswordResetState = { passwordReset: true, phone };
      void navigate('/login', { replace: true, state });
    } catch (e) {
      if (isApiError(e) && e.code === 'invalid_credentials') setError(t('smsAuth.invalidCode'));
      else if (isApiError(e) && e.code === 'validation_failed' && applyFieldErrors(form, e, t) > 0) setError(t('error.validation'));
      else if (isApiError(e) && (e.code === 'account_locked' || e.code === 'throttled')) setError(t(`error.${e.code}`));
      else setError(errorText(t, e));
    }
  };

  return (
    <Form form={form} size={size} layout="vertical" requiredMark={false} onFinish={onFinish} data-testid="reset-form">
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={error} data-testid="reset-error" />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary">{t('smsAuth.resetHint')}</Typography.Paragraph>
      <Form.Item name="phone" label={t('smsAuth.phone')} rules={phoneRules(t)}>
        <Input prefix={<MobileOutlined />} inputMode="tel" maxLength={11} autoComplete="tel" data-testid="reset-phone" />
      </Form.Item>
      <SmsCodeField
        purpose="reset"
        size={size}
        onError={setError}
        testIds={{ send: 'reset-send', code: 'reset-code', demo: 'reset-demo-code' }}
      />
      <Form.Item
        name="newPassword"
        label={t('smsAuth.newPassword')}
        rules={[
          { required: true, message: t('smsAuth.newPasswordRequired') },
          { min: 8, message: t('smsAuth.passwordMin') },
          { max: 128, message: t('smsAuth.passwordMax') },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="reset-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('smsAuth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('smsAuth.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('smsAuth.mismatch'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="reset-confirm" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 12 }}>
        <Button type="primary" htmlType="submit" block loading={reset.isPending} data-testid="reset-submit">
          {t('smsAuth.resetSubmit')}
        </Button>
      </Form.Item>
      <div style={{ textAlign: 'center' }}>
        <Link to="/login" data-testid="reset-back">
          {t('smsAuth.backToLogin')}
        </Link>
      </div>
    </Form>
  );
}
