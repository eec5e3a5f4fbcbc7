import { mountApp } from '../mountApp.tsx';
import { createQueryClient } from '../queryClient.ts';
import { createH5Router, type H5RouterOptions } from './createH5Router.tsx';
import { registerServiceWorker } from './registerSW.ts';

/** Starts an H5 app at `/m/<kind>/`: its query cache and router, its service worker, its page in the app's colour. */
export function startH5App(options: Omit<H5RouterOptions, 'queryClient'>) {
  const queryClient = createQueryClient();
  const router = createH5Router({ ...options, queryClient });
  registerServiceWorker(`/m/${options.kind}/`);
  mountApp({ client: queryClient, router, theme: { token: { colorPrimary: options.primary } } });
}
