import { PgBoss, fromDrizzle, fromPglite, type Job, type QueuePolicy, type SendOptions } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';

/**
 * A typed job: its name, its handler (always called with a batch — pg-boss crawls with batchSize 1),
 * and optionally a cron schedule that runs exactly once across instances.
 */
export interface JobDef<T extends object> {
  name: string;
  handler: (jobs: Job<T>[]) => Promise<void>;
  batchSize?: number;
  cron?: string;
  retryLimit?: number;
  /** pg-boss queue policy, e.g. `stately` for a job that must not pile up across instances */
  policy?: QueuePolicy;
  /** how often an idle worker looks for work (pg-boss minimum 0.5 s; default 2 s) */
  pollingIntervalSeconds?: number;
}

export const defineJob = <T extends object>(def: JobDef<T>) => def;

export class Jobs {
  private constructor(readonly boss: PgBoss, private defs: JobDef<any>[]) {}

  static async start(database: Database, connectionString: string | undefined, defs: JobDef<any>[], opts: { work?: boolean } = {}) {
    const boss = database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite! as any), backend: 'pglite' } as any)
      : new PgBoss({ connectionString, max: 4, application_name: 'wuye-jobs' } as any);
    boss.on('error', (err: Error) => console.error('[jobs]', err.message));
    await boss.start();
    const jobs = new Jobs(boss, defs);
    for (const d of defs) {
      await boss.createQueue(d.name, { retryLimit: d.retryLimit ?? 5, retryBackoff: true, ...(d.policy ? { policy: d.policy } : {}) } as any).catch(() => {});
      if (opts.work !== false) {
        await boss.work(d.name, { batchSize: d.batchSize ?? 50, burstWhenBatchFull: true, ...(d.pollingIntervalSeconds ? { pollingIntervalSeconds: d.pollingIntervalSeconds } : {}) } as any, d.handler as any);
      }
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: 'Asia/Shanghai' } as any);
    }
    return jobs;
  }

  /**
   * Enqueue inside the caller's transaction when one is given, so the job exists exactly when the
   * business change commits (and the single PGlite connection is not asked twice at once).
   */
  async send<T extends object>(def: Pick<JobDef<T>, 'name'>, data: T, options: SendOptions & { tx?: Executor } = {}) {
    const { tx, ...rest } = options;
    return this.boss.send(def.name, data, tx ? { ...rest, db: fromDrizzle(tx as any, sql as any) } : rest);
  }

  async stop() {
    await this.boss.stop({ graceful: true, timeout: 10_000, close: true } as any);
  }

  get names() { return this.defs.map((d) => d.name); }
}
