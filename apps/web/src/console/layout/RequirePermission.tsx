import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../shared/auth.ts';

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  if (!has(permission)) return <Result status="403" title="403" subTitle={t('error.forbidden')} />;
  return <>{children}</>;
}
