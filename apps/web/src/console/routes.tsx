import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { appKind } from '../shared/auth.ts';
import { FullPageSpin, RequireAuth } from '../shared/RequireAuth.tsx';
import LoginPage from './features/auth/LoginPage.tsx';
import ResetPasswordPage from './features/auth/ResetPasswordPage.tsx';
import ResidentNotice from './features/auth/ResidentNotice.tsx';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { RequirePermission } from './layout/RequirePermission.tsx';
import NotFound from './layout/NotFound.tsx';

const Dashboard = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const Projects = lazy(() => import('./features/projects/ProjectsPage.tsx'));
const StaffPage = lazy(() => import('./features/staff/StaffPage.tsx'));
const Roles = lazy(() => import('./features/roles/RolesPage.tsx'));
const Audit = lazy(() => import('./features/audit/AuditPage.tsx'));
const ApiKeys = lazy(() => import('./features/apikeys/ApiKeysPage.tsx'));
const Companies = lazy(() => import('./features/companies/CompaniesPage.tsx'));
const Sessions = lazy(() => import('./features/account/SessionsPage.tsx'));
const Inbox = lazy(() => import('./features/inbox/InboxPage.tsx'));
const Templates = lazy(() => import('./features/notifications/TemplatesPage.tsx'));
const Deliveries = lazy(() => import('./features/notifications/DeliveriesPage.tsx'));
const Broadcast = lazy(() => import('./features/notifications/BroadcastPage.tsx'));
const Sandbox = lazy(() => import('./features/platform/SandboxPage.tsx'));
const EstateStructure = lazy(() => import('./features/estate/pages/StructurePage.tsx'));
const Rooms = lazy(() => import('./features/estate/pages/RoomsPage.tsx'));
const Persons = lazy(() => import('./features/estate/pages/PersonsPage.tsx'));
const Parking = lazy(() => import('./features/estate/pages/ParkingPage.tsx'));
const Facilities = lazy(() => import('./features/estate/pages/FacilitiesPage.tsx'));
const Vehicles = lazy(() => import('./features/estate/pages/VehiclesPage.tsx'));
const Bindings = lazy(() => import('./features/estate/pages/BindingsPage.tsx'));
const FeeItems = lazy(() => import('./features/billing/pages/FeeItemsPage.tsx'));
const Standards = lazy(() => import('./features/billing/pages/StandardsPage.tsx'));
const BillRuns = lazy(() => import('./features/billing/pages/BillRunsPage.tsx'));
const Bills = lazy(() => import('./features/billing/pages/BillsPage.tsx'));
const Waivers = lazy(() => import('./features/billing/pages/WaiversPage.tsx'));
const BillingReports = lazy(() => import('./features/billing/pages/ReportsPage.tsx'));
const OpeningImport = lazy(() => import('./features/billing/pages/OpeningImportPage.tsx'));
const WorkOrders = lazy(() => import('./features/workorders/pages/WorkOrdersPage.tsx'));
const WoBoard = lazy(() => import('./features/workorders/pages/BoardPage.tsx'));
const WoStats = lazy(() => import('./features/workorders/pages/StatsPage.tsx'));
const WoCategories = lazy(() => import('./features/workorders/pages/CategoriesPage.tsx'));
const WoKb = lazy(() => import('./features/workorders/pages/KbPage.tsx'));
const WoSettings = lazy(() => import('./features/workorders/pages/SettingsPage.tsx'));
const WoDispatch = lazy(() => import('./features/workorders/dispatch/DispatchSetupPage.tsx'));
const PayCounter = lazy(() => import('./features/payments/pages/CounterPage.tsx'));
const PayList = lazy(() => import('./features/payments/pages/PaymentsPage.tsx'));
const PayRefunds = lazy(() => import('./features/payments/pages/RefundsPage.tsx'));
const PayInvoices = lazy(() => import('./features/payments/pages/InvoicesPage.tsx'));
const PayReminders = lazy(() => import('./features/payments/pages/RemindersPage.tsx'));
const PayReconcile = lazy(() => import('./features/payments/pages/ReconciliationPage.tsx'));
const PayReports = lazy(() => import('./features/payments/pages/FinanceReportsPage.tsx'));
const WoCalendar = lazy(() => import('./features/workorders/calendar/CalendarPage.tsx'));

function page(Component: LazyExoticComponent<ComponentType>, permission?: string) {
  const body = (
    <Suspense fallback={<FullPageSpin />}>
      <Component />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{body}</RequirePermission> : body;
}

/** Console routes; the paths are also the menu targets (see layout/menu.tsx). */
export function createConsoleRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    {
      path: '/',
      element: (
        <RequireAuth loginPath="/login">
          {(me) => (appKind(me) === 'resident' ? <ResidentNotice /> : <ConsoleLayout />)}
        </RequireAuth>
      ),
      children: [
        { index: true, element: page(Dashboard) },
        { path: 'projects', element: page(Projects, 'org.project.read') },
        { path: 'estate/structure', element: page(EstateStructure, 'estate.read') },
        { path: 'estate/rooms', element: page(Rooms, 'estate.read') },
        { path: 'estate/persons', element: page(Persons, 'estate.read') },
        { path: 'estate/parking', element: page(Parking, 'estate.read') },
        { path: 'estate/facilities', element: page(Facilities, 'estate.read') },
        { path: 'estate/vehicles', element: page(Vehicles, 'estate.read') },
        { path: 'estate/bindings', element: page(Bindings, 'estate.binding.review') },
        { path: 'payments/counter', element: page(PayCounter, 'payment.collect') },
        { path: 'payments', element: page(PayList, 'payment.read') },
        { path: 'payments/refunds', element: page(PayRefunds, 'payment.read') },
        { path: 'payments/invoices', element: page(PayInvoices, 'payment.read') },
        { path: 'payments/reminders', element: page(PayReminders, 'payment.reminder.manage') },
        { path: 'payments/reconciliation', element: page(PayReconcile, 'payment.reconcile') },
        { path: 'payments/reports', element: page(PayReports, 'payment.read') },
        { path: 'billing/fee-items', element: page(FeeItems, 'billing.read') },
        { path: 'billing/standards', element: page(Standards, 'billing.read') },
        { path: 'billing/runs', element: page(BillRuns, 'billing.read') },
        { path: 'billing/bills', element: page(Bills, 'billing.read') },
        { path: 'billing/waivers', element: page(Waivers, 'billing.waiver.approve') },
        { path: 'billing/reports', element: page(BillingReports, 'billing.report.read') },
        { path: 'billing/opening', element: page(OpeningImport, 'billing.opening.import') },
        { path: 'workorders', element: page(WorkOrders, 'workorder.read') },
        { path: 'workorders/board', element: page(WoBoard, 'workorder.read') },
        { path: 'workorders/stats', element: page(WoStats, 'workorder.report.read') },
        { path: 'workorders/categories', element: page(WoCategories, 'workorder.read') },
        { path: 'workorders/kb', element: page(WoKb, 'workorder.read') },
        { path: 'workorders/settings', element: page(WoSettings, 'workorder.settings.manage') },
        { path: 'workorders/dispatch', element: page(WoDispatch, 'workorder.dispatch') },
        { path: 'workorders/calendar', element: page(WoCalendar, 'workorder.read') },
        { path: 'staff', element: page(StaffPage, 'org.user.read') },
        { path: 'roles', element: page(Roles, 'org.role.read') },
        { path: 'audit', element: page(Audit, 'audit.read') },
        { path: 'api-keys', element: page(ApiKeys, 'org.apikey.manage') },
        { path: 'platform/companies', element: page(Companies, 'platform.company.manage') },
        { path: 'platform/sandbox', element: page(Sandbox, 'platform.company.manage') },
        { path: 'sessions', element: page(Sessions) },
        { path: 'inbox', element: page(Inbox) },
        { path: 'notifications/templates', element: page(Templates, 'notify.template.manage') },
        { path: 'notifications/deliveries', element: page(Deliveries, 'notify.delivery.read') },
        { path: 'notifications/broadcast', element: page(Broadcast, 'notify.broadcast') },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
