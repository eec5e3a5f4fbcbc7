import { useTranslation } from 'react-i18next';
import { ResetPasswordForm } from '../../../shared/sms/ResetPasswordForm.tsx';
import { AuthCard } from './AuthCard.tsx';

/** `/reset-password`: 忘记密码, outside the signed-in layout. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  return (
    <AuthCard testId="reset-page" title={t('smsAuth.resetTitle')}>
      <ResetPasswordForm />
    </AuthCard>
  );
}
