import { H5LoginPage } from '../shared/h5/H5LoginPage.tsx';
import { startH5App } from '../shared/h5/startH5App.tsx';
import { StaffHome } from './StaffHome.tsx';
import { StaffMe } from './StaffMe.tsx';
import { PlacePage } from './workorders/PlacePage.tsx';
import { ScanPage } from './workorders/ScanPage.tsx';
import { TaskDetailPage } from './workorders/TaskDetailPage.tsx';
import { TasksPage } from './workorders/TasksPage.tsx';

startH5App({
  kind: 'staff',
  titleKey: 'h5.staffApp',
  primary: '#1677ff',
  login: <H5LoginPage titleKey="h5.staffApp" />,
  home: <StaffHome />,
  me: <StaffMe />,
  pages: [
    { path: 'tasks', element: <TasksPage /> },
    { path: 'tasks/:id', element: <TaskDetailPage /> },
    { path: 'scan', element: <ScanPage /> },
    { path: 'place', element: <PlacePage /> },
  ],
});
