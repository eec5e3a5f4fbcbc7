import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/actor.ts';
import { conflict } from '../../lib/errors.ts';
import { defineJob } from '../../jobs/queue.ts';
import { record } from '../audit/audit.service.ts';
import { cipherOf } from './persons.service.ts';
import { reencryptAll } from './pii-rotation.service.ts';

/**
 * Re-encrypts personal data under the configured PII_KEY_ID: daily, once at start-up, and on the
 * platform operator's request. `stately`: one run active and at most one waiting, however many
 * instances start or ask at once.
 */
export const piiReencryptJob = (ctx: AppContext) => defineJob<{ requestedBy?: string | null }>({
  name: 'pii-reencrypt',
  cron: '40 3 * * *',
  policy: 'stately',
  batchSize: 1,
  retryLimit: 2,
  async handler(jobs) {
    await reencryptAll(ctx, { requestedBy: jobs[0]?.data?.requestedBy ?? null });
  },
});

/** Enqueues a run now (in the audit's transaction); refused where this instance runs no jobs. */
export async function requestReencrypt(ctx: AppContext, actor: Actor) {
  const jobs = ctx.jobs;
  if (!jobs) throw conflict('此实例未运行后台任务（JOBS=0），请在运行后台任务的实例上操作');
  const keyId = cipherOf(ctx).currentKeyId;
  return ctx.database.db.transaction(async (tx) => {
    const jobId = await jobs.send(piiReencryptJob(ctx), { requestedBy: actor.userId }, { tx });
    await record(tx, actor, 'pii.reencrypt_requested', { type: 'pii_key', id: keyId, companyId: null }, null, { keyId, jobId });
    return { currentKeyId: keyId, jobId: jobId ?? null, queued: !!jobId };
  });
}
