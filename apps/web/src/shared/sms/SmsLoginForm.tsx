import { Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../FormErrorAlert.tsx';
import { smsAuthErrorText, useSmsLogin } from './api.ts';
import { PhoneAndCodeFields } from './SmsCodeField.tsx';

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
      setError(smsAuthErrorText(t, e));
    }
  };

  return (
    <Form form={form} size={size} layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
      <FormErrorAlert error={error} testId="login-sms-error" />
      <PhoneAndCodeFields
        purpose="login"
        size={size}
        onError={setError}
        testIds={{ phone: 'login-sms-phone', send: 'login-sms-send', code: 'login-sms-code', demo: 'login-sms-demo-code' }}
      />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-sms-submit">
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
