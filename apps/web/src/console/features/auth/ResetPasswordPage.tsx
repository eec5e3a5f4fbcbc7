import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../../shared/LangSwitch.tsx';
import { ResetPasswordForm } from '../../../shared/sms/ResetPasswordForm.tsx';

/** `/reset-password`: 忘记密码, outside the signed-in layout. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="wuye-login-bg">
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="reset-page">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('smsAuth.resetTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        <ResetPasswordForm />
      </Card>
    </div>
  );
}
