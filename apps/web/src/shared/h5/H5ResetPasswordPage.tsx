import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../LangSwitch.tsx';
import { ResetPasswordForm } from '../sms/ResetPasswordForm.tsx';
import './h5.css';

/** `#/reset-password` of the H5 apps (public, next to `#/login`). */
export function H5ResetPasswordPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <div className="h5-auth" data-testid="reset-page">
      <div className="h5-auth-top">
        <LangSwitch />
      </div>
      <Typography.Title level={2}>{t('smsAuth.resetTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(titleKey)}</Typography.Paragraph>
      <ResetPasswordForm />
    </div>
  );
}
