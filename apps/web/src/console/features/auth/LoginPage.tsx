import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoginPanel } from '../../../shared/LoginPanel.tsx';
import { useLoginDestination } from '../../../shared/RequireAuth.tsx';
import { AuthCard } from './AuthCard.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const destination = useLoginDestination();

  if (destination.signedIn) return <Navigate to={destination.next} replace />;

  return (
    <AuthCard testId="login-page" title={t('common.appName')}>
      <LoginPanel onSuccess={destination.go} />
    </AuthCard>
  );
}
