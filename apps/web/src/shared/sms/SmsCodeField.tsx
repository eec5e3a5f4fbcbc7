import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { requestSmsCode, throttledFor, type SmsPurpose } from './api.ts';
import { phoneRules, readPhone } from './phone.ts';
import { useCountdowns } from './useCountdowns.ts';

export interface SmsTestIds {
  phone: string;
  send: string;
  code: string;
  demo: string;
}

interface Props {
  purpose: SmsPurpose;
  testIds: SmsTestIds;
  /** a failed send (null clears the previous one) */
  onError: (text: string | null) => void;
  size?: 'middle' | 'large';
}

/** The `phone` field and, under it, its SMS `code` field: the first steps of every sign-in or reset by code. */
export function PhoneAndCodeFields(props: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="phone" label={t('smsAuth.phone')} rules={phoneRules(t)}>
        <Input prefix={<MobileOutlined />} inputMode="tel" maxLength={11} autoComplete="tel" data-testid={props.testIds.phone} />
      </Form.Item>
      <SmsCodeField {...props} />
    </>
  );
}

/**
 * The six-digit `code` field of a form that also has a `phone` field, with a "获取验证码" button,
 * the server's re-send countdown for that number and, in the demo, the code itself.
 */
function SmsCodeField({ purpose, testIds, onError, size = 'large' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const countdowns = useCountdowns();
  const form = Form.useFormInstance();
  const phone = ((Form.useWatch('phone', form) as string | undefined) ?? '').trim();
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string[]>([]);
  /** the demo's code, for the number it was sent to */
  const [demo, setDemo] = useState<{ phone: string; code: string } | null>(null);
  const remaining = countdowns.remaining(phone);
  const demoCode = demo && demo.phone === phone ? demo.code : null;

  const send = async () => {
    const to = await readPhone(form);
    if (!to) return;
    onError(null);
    setSending(true);
    try {
      const res = await requestSmsCode(to, purpose);
      setSentTo((list) => (list.includes(to) ? list : [...list, to]));
      setDemo(res.demoCode ? { phone: to, code: res.demoCode } : null);
      countdowns.start(to, res.retryAfter);
      void message.success(t('smsAuth.sent'));
    } catch (e) {
      setDemo(null);
      const wait = throttledFor(e);
      if (wait !== null) {
        countdowns.start(to, wait);
        onError(t('smsAuth.tooFrequent', { seconds: wait }));
      } else {
        onError(errorText(t, e));
      }
    } finally {
      setSending(false);
    }
  };

  const label = remaining > 0 ? t('smsAuth.countdown', { seconds: remaining }) : sentTo.includes(phone) ? t('smsAuth.resend') : t('smsAuth.send');
  return (
    <Form.Item
      label={t('smsAuth.code')}
      required
      extra={
        demoCode ? (
          <Typography.Text type="secondary" data-testid={testIds.demo}>
            {t('smsAuth.demoCode', { code: demoCode })}
          </Typography.Text>
        ) : undefined
      }
    >
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="code"
          noStyle
          rules={[
            { required: true, message: t('smsAuth.codeRequired') },
            { pattern: /^\d{6}$/, message: t('smsAuth.codeInvalid') },
          ]}
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size={size}
            data-testid={testIds.code}
          />
        </Form.Item>
        <Button
          size={size}
          disabled={remaining > 0}
          loading={sending}
          onClick={() => void send()}
          data-testid={testIds.send}
          data-remaining={remaining}
          style={{ minWidth: 120 }}
        >
          {label}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
