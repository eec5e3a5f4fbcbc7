import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { residentRepair, woWorld, type WoWorld } from './test-kit.ts';
import { workOrders } from './workorders.table.ts';

/** With pg-boss running (PGlite or PostgreSQL): transitions enqueue their notices in their own transaction. */
describe('SLA jobs with the queue on', () => {
  let t: TestApp;
  let w: WoWorld;
  beforeAll(async () => {
    t = await startTestApp({ jobs: true });
    w = await woWorld(t);
  }, 120_000);
  afterAll(async () => t?.close());

  const queued = async (orderId: string) => {
    const res: any = await t.ctx.database.db.execute(sql`select data->>'kind' as kind, data->>'dueAt' as "dueAt", start_after as "startAfter"
      from pgboss.job where name = 'workorder-sla-notice' and data->>'orderId' = ${orderId} order by created_on`);
    return res.rows as { kind: string; dueAt: string; startAfter: Date }[];
  };

  it('create queues the escalations, assignment the warnings, at their due times; a resident pause and resume re-queue moved deadlines', { timeout: 60_000 }, async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const [row] = await t.ctx.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
    const first = await queued(o.id);
    expect(first.map((j) => j.kind).sort()).toEqual(['complete_escalation', 'hq_escalation', 'response_escalation']);
    const hq = first.find((j) => j.kind === 'hq_escalation')!;
    expect(new Date(hq.startAfter).getTime()).toBe(row!.completeDueAt!.getTime() + 24 * 60 * 60_000);

    let r = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId });
    expect(r.statusCode, r.body).toBe(200);
    const warn = (await queued(o.id)).find((j) => j.kind === 'response_warning')!;
    expect(new Date(warn.startAfter).getTime()).toBe(row!.responseDueAt!.getTime() - 30 * 60_000);

    for (const body of [{ event: 'accept' }, { event: 'start' }, { event: 'pause', reason: 'resident' }]) {
      r = await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { ...body, version: r.json().version });
      expect(r.statusCode, r.body).toBe(200);
    }
    const beforeResume = (await queued(o.id)).length;
    await t.ctx.database.db.update(workOrders).set({ pausedAt: new Date(Date.now() - 60 * 60_000) }).where(eq(workOrders.id, o.id));
    r = await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { event: 'resume', version: r.json().version });
    expect(r.statusCode, r.body).toBe(200);
    const [moved] = await t.ctx.database.db.select().from(workOrders).where(eq(workOrders.id, o.id));
    const after = (await queued(o.id)).slice(beforeResume);
    // accepted: only completion notices remain, for the moved deadline
    expect(after.map((j) => j.kind).sort()).toEqual(['complete_escalation', 'complete_warning', 'hq_escalation']);
    expect(after.every((j) => new Date(j.dueAt).getTime() === moved!.completeDueAt!.getTime())).toBe(true);
  });
});
