import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../../shared/LangSwitch.tsx';

/** The backdrop of the console's signed-out screens, with the language switch in the corner. */
export function AuthBackdrop({ children }: { children: ReactNode }) {
  return (
    <div className="wuye-login-bg">
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LangSwitch />
      </div>
      {children}
    </div>
  );
}

/** A card on that backdrop: its title, the console's subtitle, then the form. */
export function AuthCard({ testId, title, children }: { testId: string; title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AuthBackdrop>
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid={testId}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {children}
      </Card>
    </AuthBackdrop>
  );
}
