import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { LoginPanel } from '../LoginPanel.tsx';
import { nextPath } from '../RequireAuth.tsx';
import './h5.css';

export function H5LoginPage({ titleKey, footer }: { titleKey: string; footer?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const me = useMe();
  const next = nextPath(search);
  if (me.data) return <Navigate to={next} replace />;
  return (
    <div className="h5-auth" data-testid="login-page">
      <div className="h5-auth-top">
        <LangSwitch />
      </div>
      <Typography.Title level={2}>{t(titleKey)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.title')}</Typography.Paragraph>
      <LoginPanel onSuccess={() => void navigate(next, { replace: true })} footer={footer} />
    </div>
  );
}
