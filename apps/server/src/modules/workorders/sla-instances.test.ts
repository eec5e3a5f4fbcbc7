import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { closeContext, createContext } from '../../bootstrap.ts';
import type { AppContext } from '../../context.ts';
import { openPg } from '../../db/client.ts';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { slaKinds, slaNoticeJob, sweepSla } from './sla.job.ts';
import { residentRepair, woWorld, type WoWorld } from './test-kit.ts';
import { woEvents, workOrders } from './workorders.table.ts';

if (!onPostgres) console.info('sla-instances.test.ts: two instances need PostgreSQL (set DATABASE_URL); skipped on PGlite');

/** Two server instances (each with its pg-boss workers and its minute sweep) on one PostgreSQL database. */
describe.skipIf(!onPostgres)('SLA notices with two instances (PostgreSQL)', () => {
  let a: TestApp;
  let b: AppContext;
  let w: WoWorld;
  beforeAll(async () => {
    a = await startTestApp({ jobs: true });
    b = await createContext(a.ctx.config, { database: openPg(a.ctx.config.DATABASE_URL!, 4), secrets: a.ctx.secrets });
    w = await woWorld(a);
  }, 120_000);
  afterAll(async () => {
    if (b) await closeContext(b);
    await a?.close();
  });

  const db = () => a.ctx.database.db;
  const min = 60_000;

  it('schedules delayed jobs on create and assignment, and sends each notice once whichever instance runs it', { timeout: 120_000 }, async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const as = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId });
    expect(as.statusCode, as.body).toBe(200);
    const queued: any = await db().execute(sql`select data->>'kind' as kind, start_after > now() as later from pgboss.job
      where name = 'workorder-sla-notice' and data->>'orderId' = ${o.id} and state = 'created'`);
    // escalations from create; warnings once there is an assignee to warn
    expect(new Set(queued.rows.map((r: any) => r.kind))).toEqual(new Set(slaKinds));
    expect(queued.rows.every((r: any) => r.later)).toBe(true);

    // time passes: every deadline (and the HQ limit) is behind us; the queued jobs are now stale
    const responseDueAt = new Date(Date.now() + 10 * min);
    const completeDueAt = new Date(Date.now() - 25 * 60 * min);
    await db().update(workOrders).set({ responseDueAt, completeDueAt }).where(eq(workOrders.id, o.id));
    const data = (kind: (typeof slaKinds)[number]) => ({ companyId: w.tenant.companyId, orderId: o.id, kind, dueAt: (kind.startsWith('response') ? responseDueAt : completeDueAt).toISOString() });
    const kinds = ['response_warning', 'complete_escalation', 'hq_escalation'] as const;
    // both instances enqueue every notice twice, both work the queue, both sweep at the same moment
    for (const kind of kinds) {
      for (const ctx of [a.ctx, b, a.ctx, b]) await ctx.jobs!.send(slaNoticeJob(ctx), data(kind));
    }
    await Promise.all([sweepSla(a.ctx), sweepSla(b), sweepSla(a.ctx), sweepSla(b)]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const left: any = await db().execute(sql`select count(*)::int as n from pgboss.job where name = 'workorder-sla-notice'
        and data->>'orderId' = ${o.id} and state in ('created', 'active', 'retry') and start_after <= now()`);
      if (Number(left.rows[0].n) === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const failed: any = await db().execute(sql`select count(*)::int as n from pgboss.job where name = 'workorder-sla-notice' and data->>'orderId' = ${o.id} and state = 'failed'`);
    expect(Number(failed.rows[0].n)).toBe(0);

    const count = async (userId: string, event: string) =>
      (await db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.event, event), like(notifications.title, `%${o.no}%`)))).length;
    expect(await count(w.tenant.users.technician!.userId, 'workorder.sla_warning')).toBe(1);
    expect(await count(w.tenant.users.project_manager!.userId, 'workorder.sla_escalated')).toBe(1);
    expect(await count(w.tenant.users.hq_admin!.userId, 'workorder.sla_escalated')).toBe(1);
    const events = await db().select().from(woEvents).where(and(eq(woEvents.workOrderId, o.id), like(woEvents.event, 'sla_%')));
    expect(events.map((e) => (e.data as any).kind).sort()).toEqual(['complete_escalation', 'hq_escalation', 'response_warning']);
  });

  it('fires from the queue alone (no sweep called): jobs sent on both instances, one escalation', { timeout: 120_000 }, async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const responseDueAt = new Date(Date.now() - min);
    await db().update(workOrders).set({ responseDueAt }).where(eq(workOrders.id, o.id));
    const data = { companyId: w.tenant.companyId, orderId: o.id, kind: 'response_escalation' as const, dueAt: responseDueAt.toISOString() };
    await Promise.all([a.ctx, b, a.ctx, b, a.ctx, b].map((ctx) => ctx.jobs!.send(slaNoticeJob(ctx), data)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const [r] = await db().select().from(workOrders).where(eq(workOrders.id, o.id));
      const left: any = await db().execute(sql`select count(*)::int as n from pgboss.job where name = 'workorder-sla-notice'
        and data->>'orderId' = ${o.id} and data->>'kind' = 'response_escalation' and state in ('created', 'active', 'retry') and start_after <= now()`);
      if (r!.responseEscalatedAt && Number(left.rows[0].n) === 0) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const sent = await db().select().from(notifications).where(and(eq(notifications.event, 'workorder.sla_escalated'), like(notifications.title, `%${o.no}%`)));
    expect(sent.map((n) => n.userId)).toEqual([w.tenant.users.project_manager!.userId]);
    const [r] = await db().select().from(workOrders).where(eq(workOrders.id, o.id));
    expect(r!.overdue).toBe(true);
  });
});
