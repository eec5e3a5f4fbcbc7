import { Alert, Segmented } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoginForm } from './LoginForm.tsx';
import type { PasswordResetState } from './sms/ResetPasswordForm.tsx';
import { SmsLoginForm } from './sms/SmsLoginForm.tsx';

type Mode = 'password' | 'sms';

interface Props {
  onSuccess: () => void;
  size?: 'middle' | 'large';
  footer?: ReactNode;
}

function resetState(state: unknown): PasswordResetState | null {
  const s = state as Partial<PasswordResetState> | null | undefined;
  return s?.passwordReset === true && typeof s.phone === 'string' ? (s as PasswordResetState) : null;
}

/**
 * The sign-in box of every app (console and both H5 apps): 密码登录 / 验证码登录, and the
 * 忘记密码 link to `/reset-password` (a browser route in the console, `#/reset-password` in H5).
 */
export function LoginPanel({ onSuccess, size = 'large', footer }: Props) {
  const { t } = useTranslation();
  const { state } = useLocation();
  const reset = resetState(state);
  const [mode, setMode] = useState<Mode>('password');

  return (
    <>
      {reset && mode === 'password' && (
        <Alert type="success" showIcon title={t('smsAuth.resetDone')} style={{ marginBottom: 16 }} data-testid="login-reset-done" />
      )}
      <Segmented<Mode>
        block
        size={size}
        value={mode}
        onChange={setMode}
        style={{ marginBottom: 20 }}
        options={[
          { value: 'password', label: <span data-testid="login-mode-password">{t('smsAuth.modePassword')}</span> },
          { value: 'sms', label: <span data-testid="login-mode-sms">{t('smsAuth.modeSms')}</span> },
        ]}
      />
      {mode === 'password' ? (
        <LoginForm onSuccess={onSuccess} size={size} initialLogin={reset?.phone} />
      ) : (
        <SmsLoginForm onSuccess={onSuccess} size={size} />
      )}
      <div style={{ textAlign: 'right', margin: '12px 0' }}>
        <Link to="/reset-password" data-testid="login-forgot">
          {t('smsAuth.forgot')}
        </Link>
      </div>
      {footer}
    </>
  );
}
