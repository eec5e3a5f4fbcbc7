import {
  AccountBookOutlined,
  ApartmentOutlined,
  CalculatorOutlined,
  ProfileOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BuildOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FundOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  TagsOutlined,
  ToolOutlined,
  CarOutlined,
  CheckSquareOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LinkOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SnippetsOutlined,
  TableOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WalletOutlined, ShopOutlined, TransactionOutlined, RollbackOutlined, FileDoneOutlined, AlertOutlined, FileExcelOutlined, ReconciliationOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type MenuKey =
  | 'dashboard' | 'inbox' | 'projects' | 'staff' | 'roles' | 'audit' | 'apikeys' | 'companies' | 'sandbox' | 'sessions'
  | 'templates' | 'deliveries' | 'broadcast'
  | 'estateStructure' | 'rooms' | 'persons' | 'parking' | 'facilities' | 'vehicles' | 'bindings'
  | 'feeItems' | 'chargeStandards' | 'billRuns' | 'bills' | 'waivers' | 'billingReports' | 'openingImport'
  | 'woList' | 'woBoard' | 'woStats' | 'woCategories' | 'woKb' | 'woSettings' | 'woDispatch' | 'woCalendar'
  | 'payCounter' | 'payList' | 'payRefunds' | 'payInvoices' | 'payReminders' | 'payReconcile' | 'payReports';
export type MenuGroupKey = 'estate' | 'billing' | 'payments' | 'workorders' | 'notifications' | 'platform';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  icon: ReactNode;
  /** permission needed to see the entry; none = every signed-in staff member */
  permission?: string;
  /** shown inside this sub-menu */
  group?: MenuGroupKey;
}

/** Sub-menus: shown when at least one of their entries is. */
export const menuGroups: Record<MenuGroupKey, { icon: ReactNode }> = {
  estate: { icon: <HomeOutlined /> },
  billing: { icon: <AccountBookOutlined /> },
  payments: { icon: <WalletOutlined /> },
  workorders: { icon: <ToolOutlined /> },
  notifications: { icon: <NotificationOutlined /> },
  platform: { icon: <CloudServerOutlined /> },
};

/** The console menu. `key` is also the e2e handle: `data-testid="menu-<key>"` (groups too). */
export const menuEntries: MenuEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'inbox', path: '/inbox', icon: <BellOutlined /> },
  { key: 'projects', path: '/projects', icon: <ApartmentOutlined />, permission: 'org.project.read' },
  { key: 'estateStructure', path: '/estate/structure', icon: <BuildOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'rooms', path: '/estate/rooms', icon: <TableOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'persons', path: '/estate/persons', icon: <UserOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'parking', path: '/estate/parking', icon: <IdcardOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'facilities', path: '/estate/facilities', icon: <EnvironmentOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'vehicles', path: '/estate/vehicles', icon: <CarOutlined />, permission: 'estate.read', group: 'estate' },
  { key: 'bindings', path: '/estate/bindings', icon: <LinkOutlined />, permission: 'estate.binding.review', group: 'estate' },
  { key: 'feeItems', path: '/billing/fee-items', icon: <ProfileOutlined />, permission: 'billing.read', group: 'billing' },
  { key: 'chargeStandards', path: '/billing/standards', icon: <CalculatorOutlined />, permission: 'billing.read', group: 'billing' },
  { key: 'billRuns', path: '/billing/runs', icon: <ScheduleOutlined />, permission: 'billing.read', group: 'billing' },
  { key: 'bills', path: '/billing/bills', icon: <SnippetsOutlined />, permission: 'billing.read', group: 'billing' },
  { key: 'waivers', path: '/billing/waivers', icon: <CheckSquareOutlined />, permission: 'billing.waiver.approve', group: 'billing' },
  { key: 'billingReports', path: '/billing/reports', icon: <BarChartOutlined />, permission: 'billing.report.read', group: 'billing' },
  { key: 'openingImport', path: '/billing/opening', icon: <ImportOutlined />, permission: 'billing.opening.import', group: 'billing' },
  { key: 'payCounter', path: '/payments/counter', icon: <ShopOutlined />, permission: 'payment.collect', group: 'payments' },
  { key: 'payList', path: '/payments', icon: <TransactionOutlined />, permission: 'payment.read', group: 'payments' },
  { key: 'payRefunds', path: '/payments/refunds', icon: <RollbackOutlined />, permission: 'payment.read', group: 'payments' },
  { key: 'payInvoices', path: '/payments/invoices', icon: <FileDoneOutlined />, permission: 'payment.read', group: 'payments' },
  { key: 'payReminders', path: '/payments/reminders', icon: <AlertOutlined />, permission: 'payment.reminder.manage', group: 'payments' },
  { key: 'payReconcile', path: '/payments/reconciliation', icon: <ReconciliationOutlined />, permission: 'payment.reconcile', group: 'payments' },
  { key: 'payReports', path: '/payments/reports', icon: <FileExcelOutlined />, permission: 'payment.read', group: 'payments' },
  { key: 'woList', path: '/workorders', icon: <OrderedListOutlined />, permission: 'workorder.read', group: 'workorders' },
  { key: 'woBoard', path: '/workorders/board', icon: <ProjectOutlined />, permission: 'workorder.read', group: 'workorders' },
  { key: 'woStats', path: '/workorders/stats', icon: <FundOutlined />, permission: 'workorder.report.read', group: 'workorders' },
  { key: 'woCategories', path: '/workorders/categories', icon: <TagsOutlined />, permission: 'workorder.read', group: 'workorders' },
  { key: 'woKb', path: '/workorders/kb', icon: <QuestionCircleOutlined />, permission: 'workorder.read', group: 'workorders' },
  { key: 'woDispatch', path: '/workorders/dispatch', icon: <ClusterOutlined />, permission: 'workorder.dispatch', group: 'workorders' },
  { key: 'woSettings', path: '/workorders/settings', icon: <SettingOutlined />, permission: 'workorder.settings.manage', group: 'workorders' },
  { key: 'woCalendar', path: '/workorders/calendar', icon: <CalendarOutlined />, permission: 'workorder.read', group: 'workorders' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, permission: 'org.user.read' },
  { key: 'roles', path: '/roles', icon: <SafetyCertificateOutlined />, permission: 'org.role.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'templates', path: '/notifications/templates', icon: <FileTextOutlined />, permission: 'notify.template.manage', group: 'notifications' },
  { key: 'deliveries', path: '/notifications/deliveries', icon: <UnorderedListOutlined />, permission: 'notify.delivery.read', group: 'notifications' },
  { key: 'broadcast', path: '/notifications/broadcast', icon: <SendOutlined />, permission: 'notify.broadcast', group: 'notifications' },
  { key: 'apikeys', path: '/api-keys', icon: <KeyOutlined />, permission: 'org.apikey.manage' },
  { key: 'companies', path: '/platform/companies', icon: <BankOutlined />, permission: 'platform.company.manage', group: 'platform' },
  { key: 'sandbox', path: '/platform/sandbox', icon: <InboxOutlined />, permission: 'platform.company.manage', group: 'platform' },
  { key: 'sessions', path: '/sessions', icon: <DesktopOutlined /> },
];

export function visibleEntries(has: (code: string) => boolean): MenuEntry[] {
  return menuEntries.filter((e) => !e.permission || has(e.permission));
}

export type MenuNode = { entry: MenuEntry } | { group: MenuGroupKey; entries: MenuEntry[] };

/** Visible entries in menu order, grouped entries gathered where their group first appears. */
export function menuTree(entries: MenuEntry[]): MenuNode[] {
  const out: MenuNode[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      out.push({ entry });
      continue;
    }
    const node = out.find((n): n is Extract<MenuNode, { group: MenuGroupKey }> => 'group' in n && n.group === entry.group);
    if (node) node.entries.push(entry);
    else out.push({ group: entry.group, entries: [entry] });
  }
  return out;
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
