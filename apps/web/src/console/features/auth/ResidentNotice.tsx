import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useSignedInMe, useSwitchCompany } from '../../../shared/auth.ts';
import { setProjectId } from '../../../shared/project.ts';
import { AuthBackdrop } from './AuthCard.tsx';

/** A resident signed in to the console: point them to the resident app (or a staff company). */
export default function ResidentNotice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const logout = useLogout(() => void navigate('/login', { replace: true }));
  const switchCompany = useSwitchCompany(() => {
    setProjectId('');
    void navigate('/', { replace: true });
  });
  const staffCompanies = me.memberships.filter((m) => m.kind === 'staff' && m.companyId !== me.companyId);
  return (
    <AuthBackdrop>
      <Result
        status="info"
        title={t('auth.residentTitle')}
        subTitle={t('auth.residentDesc')}
        data-testid="resident-notice"
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button type="primary" href="/m/resident/" data-testid="open-resident-app">
              {t('auth.openResident')}
            </Button>
            {staffCompanies.map((m) => (
              <Button key={m.companyId} loading={switchCompany.isPending} onClick={() => switchCompany.mutate(m.companyId)}>
                {t('auth.switchTo', { company: m.companyName })}
              </Button>
            ))}
            <Button onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('auth.logout')}
            </Button>
          </Space>
        }
      />
    </AuthBackdrop>
  );
}
