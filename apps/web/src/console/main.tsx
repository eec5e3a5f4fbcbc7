import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../shared/api.ts';
import { AppProviders } from '../shared/AppProviders.tsx';
import { createQueryClient } from '../shared/queryClient.ts';
import { createConsoleRouter } from './routes.tsx';
import './console.css';

const queryClient = createQueryClient();
const router = createConsoleRouter();

// An expired session anywhere in the console: drop cached data and go to the login page.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login' || pathname === '/reset-password') return;
  queryClient.clear();
  const here = pathname + search;
  void router.navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders client={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
