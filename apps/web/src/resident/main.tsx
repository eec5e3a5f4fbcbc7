import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { createH5Router } from '../shared/h5/createH5Router.tsx';
import { registerServiceWorker } from '../shared/h5/registerSW.ts';
import { createQueryClient } from '../shared/queryClient.ts';
import { ResidentHome } from './ResidentHome.tsx';
import { ResidentLogin } from './ResidentLogin.tsx';
import { ResidentMe } from './ResidentMe.tsx';
import { RegisterPage } from './RegisterPage.tsx';

const PRIMARY = '#13a8a8';
const queryClient = createQueryClient();
const router = createH5Router({
  kind: 'resident',
  titleKey: 'h5.residentApp',
  primary: PRIMARY,
  login: <ResidentLogin />,
  home: <ResidentHome />,
  me: <ResidentMe />,
  publicRoutes: [{ path: '/register', element: <RegisterPage /> }],
  queryClient,
});

registerServiceWorker('/m/resident/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders client={queryClient} theme={{ token: { colorPrimary: PRIMARY } }}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
