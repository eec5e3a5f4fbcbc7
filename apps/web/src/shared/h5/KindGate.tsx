import { Button, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { appKind, useLogout, useSwitchCompany } from '../auth.ts';
import type { Me } from '../types.ts';
import './h5.css';

interface Props {
  me: Me;
  kind: 'staff' | 'resident';
  children: ReactNode;
}

/** The staff app is for staff memberships, the resident app for resident ones. */
export function KindGate({ me, kind, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout(() => void navigate('/login', { replace: true }));
  const switchCompany = useSwitchCompany(() => void navigate('/', { replace: true }));
  if (appKind(me) === kind) return <>{children}</>;

  const targets = me.memberships.filter((m) => m.kind === kind && m.companyId !== me.companyId);
  const other = kind === 'staff' ? { href: '/m/resident/', label: t('auth.openResident') } : { href: '/m/staff/', label: t('auth.openStaff') };
  return (
    <div className="h5-auth">
      <Result
        status="info"
        title={kind === 'staff' ? t('auth.staffOnly') : t('auth.residentOnly')}
        data-testid="kind-gate"
        extra={
          <Space orientation="vertical" style={{ width: '100%' }}>
            {targets.map((m) => (
              <Button key={m.companyId} type="primary" block loading={switchCompany.isPending} onClick={() => switchCompany.mutate(m.companyId)}>
                {t('auth.switchTo', { company: m.companyName })}
              </Button>
            ))}
            {appKind(me) !== 'platform' && (
              <Button block href={other.href}>
                {other.label}
              </Button>
            )}
            <Button block onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('auth.logout')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
