import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { defineJob } from './queue.ts';
import { purgeIdempotencyKeys } from '../modules/idempotency/idempotency.ts';

/** Hourly housekeeping: expired sessions, spent captchas, stale login counters, old idempotency keys. */
export const maintenanceJob = (database: Database) => defineJob<{ reason?: string }>({
  name: 'maintenance-cleanup',
  cron: '17 * * * *',
  retryLimit: 2,
  async handler() {
    await database.db.execute(sql`delete from sessions where expires_at < now() - interval '30 days' or revoked_at < now() - interval '30 days'`);
    await database.db.execute(sql`delete from captchas where expires_at < now() - interval '1 hour'`);
    await database.db.execute(sql`delete from login_throttle where last_failure_at < now() - interval '1 day'`);
    await purgeIdempotencyKeys(database.db);
  },
});

export const allJobs = (database: Database) => [maintenanceJob(database)];
