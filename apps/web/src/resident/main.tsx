import { startH5App } from '../shared/h5/startH5App.tsx';
import { MyBillDetailPage } from './bills/MyBillDetailPage.tsx';
import { MyBillsPage } from './bills/MyBillsPage.tsx';
import { MyStatementPage } from './bills/MyStatementPage.tsx';
import { BindingRequestsPage } from './home/BindingRequestsPage.tsx';
import { BindRoomPage } from './home/BindRoomPage.tsx';
import { RoomDetailPage } from './home/RoomDetailPage.tsx';
import { MyOrderDetailPage } from './workorders/MyOrderDetailPage.tsx';
import { MyOrdersPage } from './workorders/MyOrdersPage.tsx';
import { ReportPage } from './workorders/ReportPage.tsx';
import { MyPaymentsPage } from './payments/MyPaymentsPage.tsx';
import { PayBillsPage } from './payments/PayBillsPage.tsx';
import { PayResultPage } from './payments/PayResultPage.tsx';
import { PrepayPage } from './payments/PrepayPage.tsx';
import { InvoiceRequestPage } from './invoices/InvoiceRequestPage.tsx';
import { MyInvoicesPage } from './invoices/MyInvoicesPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ResidentHome } from './ResidentHome.tsx';
import { ResidentLogin } from './ResidentLogin.tsx';
import { ResidentMe } from './ResidentMe.tsx';

startH5App({
  kind: 'resident',
  titleKey: 'h5.residentApp',
  primary: '#13a8a8',
  login: <ResidentLogin />,
  home: <ResidentHome />,
  me: <ResidentMe />,
  pages: [
    { path: 'rooms/:id', element: <RoomDetailPage /> },
    { path: 'bind', element: <BindRoomPage /> },
    { path: 'bindings', element: <BindingRequestsPage /> },
    { path: 'bills', element: <MyBillsPage /> },
    { path: 'bills/:id', element: <MyBillDetailPage /> },
    { path: 'rooms/:id/statement', element: <MyStatementPage /> },
    { path: 'report', element: <ReportPage /> },
    { path: 'work-orders', element: <MyOrdersPage /> },
    { path: 'work-orders/:id', element: <MyOrderDetailPage /> },
    { path: 'pay', element: <PayBillsPage /> },
    { path: 'pay/orders/:id', element: <PayResultPage /> },
    { path: 'prepay', element: <PrepayPage /> },
    { path: 'payments', element: <MyPaymentsPage /> },
    { path: 'invoices', element: <MyInvoicesPage /> },
    { path: 'invoices/new', element: <InvoiceRequestPage /> },
  ],
  publicRoutes: [{ path: '/register', element: <RegisterPage /> }],
});
