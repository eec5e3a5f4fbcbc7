import { DesktopOutlined, DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../shared/auth.ts';
import type { Me } from '../../shared/types.ts';
import { ChangePasswordModal } from '../features/account/ChangePasswordModal.tsx';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);
  const logout = useLogout(() => {
    void message.success(t('auth.loggedOut'));
    void navigate('/login', { replace: true });
  });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'sessions', icon: <DesktopOutlined />, label: <span data-testid="user-menu-sessions">{t('layout.mySessions')}</span> },
            { key: 'password', icon: <LockOutlined />, label: <span data-testid="user-menu-password">{t('layout.changePassword')}</span> },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('auth.logout')}</span> },
          ],
          onClick: ({ key }) => {
            if (key === 'sessions') void navigate('/sessions');
            if (key === 'password') setPwOpen(true);
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <Button type="text" data-testid="user-menu" icon={<UserOutlined />}>
          {me.user.name} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
