import { fork } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser } from '../../../test/factories.ts';

/** kill -9 a delivery worker mid-batch; a second worker finishes the job: nothing lost, nothing sent twice. */
describe.skipIf(!onPostgres)('outbox after a crash (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => t?.close());

  it('delivers every message exactly once after the worker is killed in the middle of a batch', { timeout: 150_000 }, async () => {
    const tenant = await createTenant(t);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const u = await createUser(t);
      await addMember(t, tenant.companyId, u.userId, 'cleaner', [tenant.projectA]);
      ids.push(u.userId);
    }
    await t.ctx.database.db.transaction((tx) => t.ctx.notifier.notify(tx, 'account.password_changed', { companyId: tenant.companyId, userIds: ids }, { name: 'x', time: 'y' }));
    const q = async (text: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(text)) as any).rows;
    const mine = sql`d.notification_id in (select id from notifications where user_id = any(${sql.param(ids)}::uuid[])) and d.channel = 'sms'`;

    const child = fork(path.join(import.meta.dirname, 'outbox-worker.child.ts'), [], {
      execArgv: ['--import', 'tsx'], env: { ...process.env, WORKER_DATABASE_URL: (t.ctx.database.pool as any).options.connectionString },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const deadline = Date.now() + 90_000;
    const providerSent = sql`(select count(*)::int from sandbox_messages s join deliveries d on s.dedupe_key = d.id::text where ${mine})`;
    for (;;) {
      const [r] = await q(sql`select ${providerSent} as n`);
      if (r.n >= 10 || Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // killed after the provider took some messages but before the worker recorded them
    const [mid] = await q(sql`select ${providerSent} as provider, count(*) filter (where d.status = 'sent')::int as recorded from deliveries d where ${mine}`);
    expect(mid.provider).toBeGreaterThan(0);
    expect(mid.provider).toBeLessThan(60);
    expect(mid.recorded).toBeLessThan(60);

    // the killed worker's claims look abandoned after the stale window; pretend it has passed
    await q(sql`update deliveries d set updated_at = now() - interval '3 minutes' where ${mine} and status = 'sending'`);
    await t.ctx.outbox.deliverAll();
    const rows = await q(sql`select d.status, (select count(*)::int from sandbox_messages s where s.dedupe_key = d.id::text) as copies from deliveries d where ${mine}`);
    expect(rows).toHaveLength(60);
    expect(rows.filter((r: any) => r.status !== 'sent')).toEqual([]);
    expect(rows.filter((r: any) => Number(r.copies) !== 1)).toEqual([]);
    // and the inbox holds each message once
    const [inbox] = await q(sql`select count(*)::int as n, count(distinct user_id)::int as people from notifications where user_id = any(${sql.param(ids)}::uuid[])`);
    expect(inbox).toEqual({ n: 60, people: 60 });
  });
});
