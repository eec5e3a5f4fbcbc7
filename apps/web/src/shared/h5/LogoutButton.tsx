import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth.ts';

export function LogoutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout(() => void navigate('/login', { replace: true }));
  return (
    <Button block size="large" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
      {t('auth.logout')}
    </Button>
  );
}
