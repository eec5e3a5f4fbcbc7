import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createHashRouter, type RouteObject } from 'react-router';
import { setProjectHeaderEnabled, setUnauthorizedHandler } from '../api.ts';
import { RequireAuth } from '../RequireAuth.tsx';
import { KindGate } from './KindGate.tsx';
import { H5InboxPage } from './H5InboxPage.tsx';
import { H5ResetPasswordPage } from './H5ResetPasswordPage.tsx';
import { MobileShell } from './MobileShell.tsx';

/** Screens shown without a session: a 401 there is an answer, not an expired session. */
const PUBLIC_PATHS = ['/login', '/register', '/reset-password'];

export interface H5RouterOptions {
  kind: 'staff' | 'resident';
  /** i18n key of the app's name */
  titleKey: string;
  primary: string;
  login: ReactNode;
  /** pages inside the tab shell: '/' (home) and '/me'; '/inbox' (messages) is the same in both apps */
  home: ReactNode;
  me: ReactNode;
  /** extra pages inside the shell (paths relative to '/', e.g. 'rooms/:id') */
  pages?: RouteObject[];
  /** extra pages outside the shell (e.g. registration) */
  publicRoutes?: RouteObject[];
  queryClient: QueryClient;
}

/**
 * H5 apps use hash routing (`/m/staff/#/me`): every screen is the one HTML document at the
 * app's prefix, so the server and the service worker only ever deal with that one URL.
 */
export function createH5Router(o: H5RouterOptions) {
  const router = createHashRouter([
    { path: '/login', element: o.login },
    { path: '/reset-password', element: <H5ResetPasswordPage titleKey={o.titleKey} /> },
    ...(o.publicRoutes ?? []),
    {
      path: '/',
      element: (
        <RequireAuth loginPath="/login">
          {(me) => (
            <KindGate me={me} kind={o.kind}>
              <MobileShell titleKey={o.titleKey} primary={o.primary} />
            </KindGate>
          )}
        </RequireAuth>
      ),
      children: [
        { index: true, element: o.home },
        { path: 'inbox', element: <H5InboxPage /> },
        { path: 'me', element: o.me },
        ...(o.pages ?? []),
        { path: '*', element: o.home },
      ],
    },
  ]);
  setProjectHeaderEnabled(false);
  setUnauthorizedHandler(() => {
    const { pathname } = router.state.location;
    if (PUBLIC_PATHS.includes(pathname)) return;
    o.queryClient.clear();
    void router.navigate('/login', { replace: true });
  });
  return router;
}
