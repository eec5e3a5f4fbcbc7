import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoginPanel } from '../LoginPanel.tsx';
import { useLoginDestination } from '../RequireAuth.tsx';
import { H5AuthPage } from './H5AuthPage.tsx';

export function H5LoginPage({ titleKey, footer }: { titleKey: string; footer?: ReactNode }) {
  const { t } = useTranslation();
  const destination = useLoginDestination();
  if (destination.signedIn) return <Navigate to={destination.next} replace />;
  return (
    <H5AuthPage testId="login-page" title={t(titleKey)} subtitle={t('auth.title')}>
      <LoginPanel onSuccess={destination.go} footer={footer} />
    </H5AuthPage>
  );
}
