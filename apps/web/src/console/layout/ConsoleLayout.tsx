import { HomeOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import { FullPageSpin } from '../../shared/RequireAuth.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { activeKey, visibleEntries } from './menu.tsx';

const { Sider, Header, Content } = Layout;

/** Left menu (built from the user's permissions), top bar, and the routed page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = visibleEntries(has);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <div className="wuye-console-logo">
          <HomeOutlined />
          {!collapsed && <span>{t('common.appName')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[activeKey(pathname)]}
          onClick={({ key }) => {
            const entry = entries.find((e) => e.key === key);
            if (entry) void navigate(entry.path);
          }}
          items={entries.map((e) => ({
            key: e.key,
            icon: e.icon,
            label: <span data-testid={`menu-${e.key}`}>{t(`menu.${e.key}`)}</span>,
          }))}
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
    </Layout>
  );
}
