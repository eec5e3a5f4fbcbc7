import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Login back-off. Failures are counted per account key and per IP; a count older than the decay
 * window starts again. Account: free tries, then doubling waits; IP: a larger free budget because
 * many residents share a NAT address.
 */
export const throttlePolicy = {
  captchaAfter: 5,
  staffLockAfter: 10,
  account: { free: 3, baseSeconds: 1, maxSeconds: 15 * 60, decayMinutes: 60 },
  ip: { free: 30, baseSeconds: 1, maxSeconds: 15 * 60, decayMinutes: 15 },
};

type Kind = 'account' | 'ip';

export function backoffSeconds(kind: Kind, failures: number): number {
  const p = throttlePolicy[kind];
  if (failures <= p.free) return 0;
  return Math.min(p.maxSeconds, p.baseSeconds * 2 ** (failures - p.free - 1));
}

export interface ThrottleState { failures: number; retryAfter: number }

export async function readThrottle(db: Executor, key: string, kind: Kind): Promise<ThrottleState> {
  const res: any = await db.execute(sql`
    select failures, last_failure_at > now() - make_interval(mins => ${throttlePolicy[kind].decayMinutes}) as fresh,
           greatest(0, ceil(extract(epoch from (blocked_until - now()))))::int as wait
      from login_throttle where key = ${key}`);
  const row = res.rows[0];
  if (!row || !row.fresh) return { failures: 0, retryAfter: 0 };
  return { failures: Number(row.failures), retryAfter: Number(row.wait ?? 0) };
}

/** Counts one failure (restarting a stale count) and returns the new count. */
export async function recordFailure(db: Executor, key: string, kind: Kind): Promise<number> {
  const p = throttlePolicy[kind];
  const res: any = await db.execute(sql`
    insert into login_throttle (key, failures, last_failure_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.last_failure_at > now() - make_interval(mins => ${p.decayMinutes})
                      then login_throttle.failures + 1 else 1 end,
      last_failure_at = now()
    returning failures`);
  const failures = Number(res.rows[0].failures);
  const wait = backoffSeconds(kind, failures);
  if (wait > 0) {
    await db.execute(sql`update login_throttle set blocked_until = now() + make_interval(secs => ${wait}) where key = ${key}`);
  }
  return failures;
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${key}`);
}
