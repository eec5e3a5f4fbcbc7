import { setUnauthorizedHandler } from '../shared/api.ts';
import { mountApp } from '../shared/mountApp.tsx';
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

mountApp({ client: queryClient, router });
