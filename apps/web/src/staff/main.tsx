import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { createH5Router } from '../shared/h5/createH5Router.tsx';
import { H5LoginPage } from '../shared/h5/H5LoginPage.tsx';
import { registerServiceWorker } from '../shared/h5/registerSW.ts';
import { createQueryClient } from '../shared/queryClient.ts';
import { StaffHome } from './StaffHome.tsx';
import { StaffMe } from './StaffMe.tsx';

const PRIMARY = '#1677ff';
const queryClient = createQueryClient();
const router = createH5Router({
  kind: 'staff',
  titleKey: 'h5.staffApp',
  primary: PRIMARY,
  login: <H5LoginPage titleKey="h5.staffApp" />,
  home: <StaffHome />,
  me: <StaffMe />,
  queryClient,
});

registerServiceWorker('/m/staff/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders client={queryClient} theme={{ token: { colorPrimary: PRIMARY } }}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
