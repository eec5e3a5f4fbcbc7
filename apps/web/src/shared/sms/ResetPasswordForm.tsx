import { LockOutlined } from '@ant-design/icons';
import { App, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api.ts';
import { applyFieldErrors } from '../errors.ts';
import { FormErrorAlert } from '../FormErrorAlert.tsx';
import { PasswordFields, type PasswordFieldKeys } from '../PasswordFields.tsx';
import { smsAuthErrorText, useResetByCode } from './api.ts';
import { PhoneAndCodeFields } from './SmsCodeField.tsx';

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

const RESET_PASSWORD_KEYS: PasswordFieldKeys = {
  label: 'smsAuth.newPassword',
  confirmLabel: 'smsAuth.confirmPassword',
  mismatch: 'smsAuth.mismatch',
  minLength: 'smsAuth.passwordMin',
  maxLength: 'smsAuth.passwordMax',
  required: 'smsAuth.newPasswordRequired',
  confirmRequired: 'smsAuth.confirmRequired',
};

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
      if (isApiError(e) && e.code === 'validation_failed' && applyFieldErrors(form, e, t) > 0) setError(t('error.validation'));
      else setError(smsAuthErrorText(t, e));
    }
  };

  return (
    <Form form={form} size={size} layout="vertical" requiredMark={false} onFinish={onFinish} data-testid="reset-form">
      <FormErrorAlert error={error} testId="reset-error" />
      <Typography.Paragraph type="secondary">{t('smsAuth.resetHint')}</Typography.Paragraph>
      <PhoneAndCodeFields
        purpose="reset"
        size={size}
        onError={setError}
        testIds={{ phone: 'reset-phone', send: 'reset-send', code: 'reset-code', demo: 'reset-demo-code' }}
      />
      <PasswordFields keys={RESET_PASSWORD_KEYS} testIds={{ password: 'reset-password', confirm: 'reset-confirm' }} prefix={<LockOutlined />} />
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
