import { HomeOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import { InboxNotifier } from '../../shared/inbox/InboxNotifier.tsx';
import { FullPageSpin } from '../../shared/RequireAuth.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { activeKey, menuGroups, menuTree, visibleEntries, type MenuEntry } from './menu.tsx';

const { Sider, Header, Content } = Layout;

type Items = NonNullable<MenuProps['items']>;

function menuItems(entries: MenuEntry[], t: TFunction): Items {
  const item = (e: MenuEntry) => ({ key: e.key, icon: e.icon, label: <span data-testid={`menu-${e.key}`}>{t(`menu.${e.key}`)}</span> });
  return menuTree(entries).map((n) =>
    'entry' in n
      ? item(n.entry)
      : { key: n.group, icon: menuGroups[n.group].icon, label: <span data-testid={`menu-${n.group}`}>{t(`menu.${n.group}`)}</span>, children: n.entries.map(item) },
  );
}

/** Left menu (built from the user's permissions), top bar, the routed page, and new-message pop-ups. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = visibleEntries(has);
  const openInbox = useCallback(() => void navigate('/inbox'), [navigate]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220} className="wuye-console-sider" style={{ position: 'sticky', top: 0, height: '100vh' }}>
        <div className="wuye-console-logo">
          <HomeOutlined />
          {!collapsed && <span>{t('common.appName')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[activeKey(pathname)]}
          defaultOpenKeys={['estate', 'billing', 'notifications', 'platform']}
          onClick={({ key }) => {
            const entry = entries.find((e) => e.key === key);
            if (entry) void navigate(entry.path);
          }}
          items={menuItems(entries, t)}
        />
      </Sider>
      <Layout>
        <Header className="wuye-console-header">
          <HeaderBar />
        </Header>
        <Content className="wuye-console-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <InboxNotifier onOpen={openInbox} suppress={pathname === '/inbox'} />
    </Layout>
  );
}
