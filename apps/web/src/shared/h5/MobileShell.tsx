import { HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { InboxNotifier } from '../inbox/InboxNotifier.tsx';
import { UnreadBadge } from '../inbox/UnreadBadge.tsx';
import { useInbox } from '../inbox/useInbox.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import './h5.css';

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** Mobile layout: a coloured title bar, the routed page, and a bottom tab bar (Home, Messages, Me). */
export function MobileShell({ titleKey, primary }: { titleKey: string; primary: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { unread } = useInbox();
  const openInbox = useCallback(() => void navigate('/inbox'), [navigate]);
  const tabClass = ({ isActive }: { isActive: boolean }) => `h5-tab${isActive ? ' active' : ''}`;
  return (
    <div className="h5-shell" style={{ '--h5-primary': primary } as CSSProperties}>
      <header className="h5-header">
        <span>{t(titleKey)}</span>
        <LangSwitch size="small" />
      </header>
      {!online && <div className="h5-offline">{t('h5.offline')}</div>}
      <main className="h5-main">
        <Outlet />
      </main>
      <nav className="h5-tabbar">
        <NavLink to="/" end className={tabClass} data-testid="tab-home">
          <HomeOutlined />
          {t('h5.home')}
        </NavLink>
        <NavLink to="/inbox" className={tabClass} data-testid="tab-inbox">
          <UnreadBadge count={unread} label={`${t('inbox.unread')}: ${unread}`}>
            <MessageOutlined />
          </UnreadBadge>
          {t('inbox.tab')}
        </NavLink>
        <NavLink to="/me" className={tabClass} data-testid="tab-me">
          <UserOutlined />
          {t('h5.me')}
        </NavLink>
      </nav>
      <InboxNotifier onOpen={openInbox} placement="top" suppress={pathname === '/inbox'} />
    </div>
  );
}
