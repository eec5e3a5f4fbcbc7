import { MobileOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { errorText } from '../errors.ts';
import { useSmsLogin } from './api.ts';
import { phoneRules } from './phone.ts';
import { SmsCodeField } from './SmsCodeField.tsx';

interface Values {
  phone: string;
  code: string;
}

interface Props {
  onSuccess: () => void;
  size?: 'middle' | 'large';
}

/** Phone + one-time SMS code (POST /api/auth/login-sms). */
export function SmsLoginForm({ onSuccess, size = 'large' }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const login = useSmsLogin();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      await login.mutateAsync({ phone: v.phone.trim(), code: v.code.trim() });
      onSuccess();
    } catch (e) {
      if (isApiError(e) && e.code === 'invalid_credentials') setError(t('smsAuth.invalidCode'));
      else if (isApiError(e) && (e.code === 'account_locked' || e.code === 'throttled')) setError(t(`error.${e.code}`));
      else setError(errorText(t, e));
    }
  };

  return (
    <Form form={form} size={size} layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={error} data-testid="login-sms-error" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('smsAuth.phone')} rules={phoneRules(t)}>
        <Input prefix={<MobileOutlined />} inputMode="tel" maxLength={11} autoComplete="tel" data-testid="login-sms-phone" />
      </Form.Item>
      <SmsCodeField
        purpose="login"
        size={size}
        onError={setError}
        testIds={{ send: 'login-sms-send', code: 'login-sms-code', demo: 'login-sms-demo-code' }}
      />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-sms-submit">
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
