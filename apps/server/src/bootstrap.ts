import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openPg, openPglite, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { allJobs } from './jobs/maintenance.job.ts';
import { defineJob, Jobs } from './jobs/queue.ts';
import { deliverJob, makeDeliverHandler } from './modules/notifications/deliver.job.ts';
import { piiReencryptJob } from './modules/estate/pii-rotation.job.ts';
import { Notifier } from './modules/notifications/notify.service.ts';
import { createProviders } from './modules/notifications/provider-registry.ts';
import { vapidKeys } from './modules/notifications/webpush.provider.ts';
import { loadSecrets, type Secrets } from './lib/secrets.ts';
import { EventBus } from './modules/events/bus.ts';
import { syncBuiltinRoles } from './modules/org/builtin-roles.sync.ts';
import { SessionCache } from './modules/auth/session-cache.ts';
import { AUTH_CHANGED } from './lib/auth-changed.ts';
import { billRunJob, billRunSweepJob } from './modules/billing/bill-run.job.ts';
import { resumeStaleRuns } from './modules/billing/run-work.ts';
import { estateImportJob } from './modules/estate/excel/import.job.ts';
import { prepaidAutoDeductJob } from './modules/billing/prepaid-deduct.job.ts';
import { ensureDefaultCategories } from './modules/workorders/default-categories.ts';
import { workOrderJobs } from './modules/workorders/jobs.ts';
import { createPayProviders } from './modules/payments/providers/registry.ts';
import { onlineJobs } from './modules/payments/online.jobs.ts';
import { afterPaymentJobs } from './modules/payments/after.jobs.ts';
import { invoiceJobs } from './modules/payments/invoices.jobs.ts';
import { reminderJobs } from './modules/payments/reminders.jobs.ts';
import { paySandboxJobs } from './modules/payments/providers/sandbox.jobs.ts';

export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return openPg(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  return openPglite(path.join(config.dataDir, 'pglite'));
}

/** Opens the database, migrates, and starts events and jobs: everything a server or a test needs. */
export async function createContext(config: Config, opts: { database?: Database; secrets?: Secrets; log?: (m: string) => void } = {}): Promise<AppContext> {
  const database = opts.database ?? (await openDatabase(config));
  await migrate(database);
  await syncBuiltinRoles(database.db);
  await ensureDefaultCategories(database.db);
  const secrets = opts.secrets ?? loadSecrets(config, opts.log);
  const events = new EventBus(database, config.DATABASE_URL);
  await events.start();
  const providers = createProviders(config, database);
  const deliverAll = makeDeliverHandler(database, providers);
  const authCache = new SessionCache();
  events.onSystem((type) => { if (type === AUTH_CHANGED) authCache.clear(); });
  const ctx: AppContext = {
    config, database, secrets, events, jobs: null, providers, outbox: { deliverAll }, authCache, payProviders: createPayProviders(config, database, secrets), notifier: new Notifier(events, () => ctx.jobs),
  };
  const piiJob = piiReencryptJob(ctx);
  const defs = [...allJobs(database), piiJob, estateImportJob(ctx), billRunJob(ctx), billRunSweepJob(ctx), prepaidAutoDeductJob(database), ...workOrderJobs(ctx), ...onlineJobs(ctx), ...afterPaymentJobs(ctx), ...invoiceJobs(ctx), ...reminderJobs(ctx), ...paySandboxJobs(ctx), defineJob({ ...deliverJob, handler: async () => { await deliverAll(); } })];
  await vapidKeys(database); // generated on first start, shared by every instance
  ctx.jobs = config.JOBS ? await Jobs.start(database, config.DATABASE_URL, defs) : null;
  // values still under an older key (PII_KEY_ID changed) move over now, not at the next nightly run
  await ctx.jobs?.send(piiJob, {});
  // runs a dead instance left half-done continue now rather than at the next sweep
  if (ctx.jobs) await resumeStaleRuns(ctx, config.BILL_RUN_STALE_SECONDS);
  return ctx;
}

export async function closeContext(ctx: AppContext) {
  await ctx.jobs?.stop().catch(() => {});
  await ctx.events.stop().catch(() => {});
  await ctx.database.close().catch(() => {});
}
