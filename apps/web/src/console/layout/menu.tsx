import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  DesktopOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: 'dashboard' | 'projects' | 'staff' | 'roles' | 'audit' | 'apikeys' | 'companies' | 'sessions';
  path: string;
  icon: ReactNode;
  /** permission needed to see the entry; none = every signed-in staff member */
  permission?: string;
}

/** The console menu. `key` is also the e2e handle: `data-testid="menu-<key>"`. */
export const menuEntries: MenuEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'projects', path: '/projects', icon: <ApartmentOutlined />, permission: 'org.project.read' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, permission: 'org.user.read' },
  { key: 'roles', path: '/roles', icon: <SafetyCertificateOutlined />, permission: 'org.role.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'apikeys', path: '/api-keys', icon: <KeyOutlined />, permission: 'org.apikey.manage' },
  { key: 'companies', path: '/platform/companies', icon: <BankOutlined />, permission: 'platform.company.manage' },
  { key: 'sessions', path: '/sessions', icon: <DesktopOutlined /> },
];

export function visibleEntries(has: (code: string) => boolean): MenuEntry[] {
  return menuEntries.filter((e) => !e.permission || has(e.permission));
}

/** The entry whose path is the longest prefix of the current location. */
export function activeKey(pathname: string): string {
  let best: MenuEntry | undefined;
  for (const e of menuEntries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/');
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best?.key ?? '';
}
