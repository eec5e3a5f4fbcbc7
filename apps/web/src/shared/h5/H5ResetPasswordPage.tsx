import { useTranslation } from 'react-i18next';
import { ResetPasswordForm } from '../sms/ResetPasswordForm.tsx';
import { H5AuthPage } from './H5AuthPage.tsx';

/** `#/reset-password` of the H5 apps (public, next to `#/login`). */
export function H5ResetPasswordPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <H5AuthPage testId="reset-page" title={t('smsAuth.resetTitle')} subtitle={t(titleKey)}>
      <ResetPasswordForm />
    </H5AuthPage>
  );
}
