import type { PayProviders } from './modules/payments/providers/registry.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Secrets } from './lib/secrets.ts';
import type { SessionCache } from './modules/auth/session-cache.ts';
import type { EventBus } from './modules/events/bus.ts';
import type { Jobs } from './jobs/queue.ts';
import type { Notifier } from './modules/notifications/notify.service.ts';
import type { Providers } from './modules/notifications/provider-registry.ts';

/** What every module gets: configuration, the database, derived secrets, jobs and the event bus. */
export interface AppContext {
  config: Config;
  database: Database;
  secrets: Secrets;
  events: EventBus;
  jobs: Jobs | null;
  /** resolved sessions, invalidated by `authChanged` */
  authCache: SessionCache;
  /** `ctx.notifier.notify(tx, event, recipients, data)` — the one call other modules use */
  notifier: Notifier;
  providers: Providers;
  /** works the notification outbox now (the job does the same on schedule) */
  outbox: { deliverAll(budgetMs?: number): Promise<number> };
  /** online payment providers (sandbox, WeChat Pay v3, Alipay) */
  payProviders: PayProviders;
  /** this instance's own HTTP server, in process (set by buildApp): the sandbox provider posts its notifications through it */
  loopback?: (req: { method: 'POST' | 'GET'; url: string; headers: Record<string, string>; payload: string }) => Promise<{ statusCode: number; body: string }>;
}
