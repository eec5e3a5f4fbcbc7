import type { QueryClient } from '@tanstack/react-query';
import type { ThemeConfig } from 'antd';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './AppProviders.tsx';

type Router = ComponentProps<typeof RouterProvider>['router'];

/** Renders an app (its router inside the shared providers) into the page's `#root`. */
export function mountApp({ client, router, theme }: { client: QueryClient; router: Router; theme?: ThemeConfig }) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders client={client} theme={theme}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
