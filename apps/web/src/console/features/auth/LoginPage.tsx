import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../../shared/auth.ts';
import { LangSwitch } from '../../../shared/LangSwitch.tsx';
import { LoginPanel } from '../../../shared/LoginPanel.tsx';
import { nextPath } from '../../../shared/RequireAuth.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const me = useMe();
  const next = nextPath(search);

  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="wuye-login-bg">
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="login-page">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        <LoginPanel onSuccess={() => void navigate(next, { replace: true })} />
      </Card>
    </div>
  );
}
