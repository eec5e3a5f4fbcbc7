import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Executor } from '../../../db/client.ts';
import { defineJob, type JobDef } from '../../../jobs/queue.ts';
import { sandboxPayOrders, sandboxPayRefunds } from '../payments.table.ts';
import type { SandboxFaults, SandboxProvider } from './sandbox.provider.ts';

/**
 * The sandbox's notifier: it posts each notification through the in-process HTTP server
 * (`ctx.loopback`, so any instance can deliver) and, while the answer is not 2xx, retries on WeChat's
 * schedule (scaled by PAY_SANDBOX_RETRY_SCALE). With jobs (pg-boss) each attempt is a job; with
 * JOBS=0 it runs in process on timers.
 */
export const RETRY_SCHEDULE_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

export interface SandboxNotifyJob { kind: 'payment' | 'refund'; outTradeNo: string; outRefundNo?: string; attempt: number }

export const sandboxNotifyJobName = 'pay-sandbox-notify';

/** issue 8 payments: this slice's jobs; every one must be returned here (bootstrap lists them all) */
export function paySandboxJobs(ctx: AppContext): JobDef<any>[] {
  const def = sandboxNotifyJob(ctx);
  const provider = sandboxOf(ctx);
  if (provider) provider.dispatch = (n) => scheduleNotification(ctx, { ...n, attempt: 0 });
  return [def];
}

export const sandboxOf = (ctx: AppContext) => (ctx.payProviders.get('sandbox') as SandboxProvider | null);

function sandboxNotifyJob(ctx: AppContext) {
  return defineJob<SandboxNotifyJob>({
    name: sandboxNotifyJobName, batchSize: 10, retryLimit: 2, pollingIntervalSeconds: 0.5,
    handler: async (jobs) => { await Promise.all(jobs.map((j) => deliverAttempt(ctx, j.data))); },
  });
}

/** the delay before attempt n (n ≥ 1), in ms */
export const retryDelayMs = (ctx: AppContext, attempt: number) => Math.round((RETRY_SCHEDULE_SECONDS[attempt - 1] ?? 0) * 1000 * ctx.config.PAY_SANDBOX_RETRY_SCALE);

/**
 * Queues attempt `n.attempt` after `delayMs` (inside `tx` when given, so it exists exactly when the
 * payment commits). Without jobs: a timer, or — no delay, attempt 0 — delivered now and awaited.
 */
export async function scheduleNotification(ctx: AppContext, n: SandboxNotifyJob, opts: { delayMs?: number; tx?: Executor } = {}): Promise<void> {
  const delayMs = opts.delayMs ?? 0;
  if (ctx.jobs) {
    await ctx.jobs.send({ name: sandboxNotifyJobName }, n, {
      ...(opts.tx ? { tx: opts.tx } : {}), ...(delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {}),
    });
    return;
  }
  if (delayMs > 0 || opts.tx) {
    setTimeout(() => { void deliverAttempt(ctx, n).catch(() => {}); }, delayMs).unref();
    return;
  }
  await deliverAttempt(ctx, n);
}

/**
 * One attempt: the current state from the sandbox's books, the faults the tester chose (duplicates
 * and a bad signature on the first attempt only, a wrong amount on every one, silent = never), then
 * the next attempt when no copy was answered 2xx. Answers whether it was accepted.
 */
export async function deliverAttempt(ctx: AppContext, n: SandboxNotifyJob): Promise<boolean> {
  const provider = sandboxOf(ctx);
  if (!provider) return false;
  const order = await provider.find(n.outTradeNo);
  if (!order || !order.transactionId) return false;
  let refund = null;
  if (n.kind === 'refund') {
    const [r] = await ctx.database.db.select().from(sandboxPayRefunds)
      .where(and(eq(sandboxPayRefunds.outRefundNo, n.outRefundNo ?? ''), eq(sandboxPayRefunds.outTradeNo, n.outTradeNo)));
    if (!r) return false;
    refund = r;
  }
  const faults = (order.faults ?? {}) as SandboxFaults;
  if (n.kind === 'payment' && faults.silent) return false;
  const first = n.attempt === 0;
  const payment = n.kind === 'payment';
  const d = provider.notification(order, refund, { wrongAmount: payment && !!faults.wrongAmount, badSignature: payment && first && !!faults.badSignature });
  const copies = payment && first ? 1 + Math.min(20, Math.max(0, faults.duplicates ?? 0)) : 1;
  const post = async () => {
    if (!ctx.loopback) return 0;
    try { return (await ctx.loopback({ method: 'POST', url: d.url, headers: d.headers, payload: d.payload })).statusCode; } catch { return 0; }
  };
  const statuses = await Promise.all(Array.from({ length: copies }, post));
  const ok = statuses.some((s) => s >= 200 && s < 300);
  if (payment) {
    await ctx.database.db.update(sandboxPayOrders).set({
      notifyAttempts: sql`${sandboxPayOrders.notifyAttempts} + ${copies}`, ...(ok ? { notifiedAt: new Date() } : {}),
    }).where(eq(sandboxPayOrders.id, order.id));
  }
  if (!ok && n.attempt < RETRY_SCHEDULE_SECONDS.length) {
    const next = n.attempt + 1;
    await scheduleNotification(ctx, { ...n, attempt: next }, { delayMs: Math.max(1, retryDelayMs(ctx, next)) });
  }
  return ok;
}
