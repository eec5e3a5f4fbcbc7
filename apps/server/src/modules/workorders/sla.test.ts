import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../audit/audit.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { autoCloseDue } from './jobs.ts';
import { businessHoursOf } from './sla.ts';
import { slaNoticeJob, sweepSla } from './sla.job.ts';
import { residentRepair, woWorld, type WoWorld } from './test-kit.ts';
import { woEvents, workOrders } from './workorders.table.ts';

let t: TestApp;
let w: WoWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
});
afterAll(async () => t?.close());

const db = () => t.ctx.database.db;
const min = 60_000;
const row = async (id: string) => (await db().select().from(workOrders).where(eq(workOrders.id, id)))[0]!;
const patch = (id: string, set: Partial<typeof workOrders.$inferInsert>) => db().update(workOrders).set(set).where(eq(workOrders.id, id));
const timeline = async (id: string) => (await db().select().from(woEvents).where(eq(woEvents.workOrderId, id)).orderBy(woEvents.createdAt)).map((e) => e.event);
const inbox = async (userId: string, event: string, no: string) =>
  (await db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.event, event), like(notifications.title, `%${no}%`)))).length;

/** A resident's plumbing order assigned to the technician (and further along `steps`). */
async function assigned(steps: string[] = []) {
  const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
  let r = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId });
  expect(r.statusCode, r.body).toBe(200);
  for (const event of steps) {
    const body = event.startsWith('pause:') ? { event: 'pause', reason: event.slice(6) } : { event };
    r = await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { ...body, version: r.json().version });
    expect(r.statusCode, r.body).toBe(200);
  }
  return r.json() as { id: string; no: string; version: number };
}

describe('deadlines stored on create', () => {
  it('calendar clock (给排水): response 2 h and completion 24 h after submission', async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const r = await row(o.id);
    expect(r.slaClock).toBe('calendar');
    expect(r.responseDueAt!.getTime() - r.createdAt.getTime()).toBe(120 * min);
    expect(r.completeDueAt!.getTime() - r.createdAt.getTime()).toBe(24 * 60 * min);
  });

  it('business clock (保洁): 4 h / 48 h of business time on the working calendar', async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w, { categoryId: w.cat.cleaning }))).json();
    const r = await row(o.id);
    expect(r.slaClock).toBe('business');
    const hours = await businessHoursOf(db(), w.tenant.companyId, w.tenant.projectA);
    expect(r.responseDueAt).toEqual(addBusinessMinutes(hours, r.createdAt, 240));
    expect(r.completeDueAt).toEqual(addBusinessMinutes(hours, r.createdAt, 48 * 60));
    expect(businessMinutesBetween(hours, r.createdAt, r.completeDueAt!)).toBe(48 * 60);
    // 48 business hours are more than five and a half working days away, at least a week of calendar time
    expect(r.completeDueAt!.getTime() - r.createdAt.getTime()).toBeGreaterThanOrEqual(7 * 24 * 60 * min);
  });
});

describe('pauses', () => {
  it('waiting for the resident stops the clock: resuming moves both deadlines by the paused time', async () => {
    const o = await assigned(['accept', 'start', 'pause:resident']);
    const before = await row(o.id);
    await patch(o.id, { pausedAt: new Date(before.pausedAt!.getTime() - 90 * min) }); // paused an hour and a half ago
    const r = await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { event: 'resume', version: o.version });
    expect(r.statusCode, r.body).toBe(200);
    const after = await row(o.id);
    expect((after.completeDueAt!.getTime() - before.completeDueAt!.getTime()) / min).toBe(90);
    expect((after.responseDueAt!.getTime() - before.responseDueAt!.getTime()) / min).toBe(90);
  });

  it('waiting for parts does not: the deadlines stay', async () => {
    const o = await assigned(['accept', 'start', 'pause:parts']);
    const before = await row(o.id);
    await patch(o.id, { pausedAt: new Date(before.pausedAt!.getTime() - 90 * min) });
    await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { event: 'resume', version: o.version });
    const after = await row(o.id);
    expect(after.status).toBe('in_progress');
    expect(after.completeDueAt).toEqual(before.completeDueAt);
  });

  it('no notice fires while the clock is stopped; a parts pause still escalates', async () => {
    const resident = await assigned(['accept', 'start', 'pause:resident']);
    const parts = await assigned(['accept', 'start', 'pause:parts']);
    for (const o of [resident, parts]) await patch(o.id, { completeDueAt: new Date(Date.now() - min) });
    await sweepSla(t.ctx);
    expect((await row(resident.id)).completeEscalatedAt).toBeNull();
    expect((await row(parts.id)).completeEscalatedAt).not.toBeNull();
  });
});

describe('warnings and escalations', () => {
  it('warn the assignee, escalate to the project manager, then to HQ — each exactly once', async () => {
    const o = await assigned();
    const tech = w.tenant.users.technician!.userId;
    const pm = w.tenant.users.project_manager!.userId;
    const hq = w.tenant.users.hq_admin!.userId;
    // both deadlines within the 30-minute warning window
    await patch(o.id, { responseDueAt: new Date(Date.now() + 10 * min), completeDueAt: new Date(Date.now() + 20 * min) });
    await sweepSla(t.ctx);
    await sweepSla(t.ctx);
    let r = await row(o.id);
    expect(r.responseWarnedAt).not.toBeNull();
    expect(r.completeWarnedAt).not.toBeNull();
    expect(r.responseEscalatedAt).toBeNull();
    expect(r.overdue).toBe(false);
    expect(await inbox(tech, 'workorder.sla_warning', o.no)).toBe(2);

    // the response deadline passes unaccepted: the project manager hears, the order is overdue
    await patch(o.id, { responseDueAt: new Date(Date.now() - min) });
    await sweepSla(t.ctx);
    await sweepSla(t.ctx);
    r = await row(o.id);
    expect(r.responseEscalatedAt).not.toBeNull();
    expect(r.overdue).toBe(true);
    expect(await inbox(pm, 'workorder.sla_escalated', o.no)).toBe(1);
    expect(await inbox(hq, 'workorder.sla_escalated', o.no)).toBe(0);

    // a day past the completion deadline: the project manager again, and HQ (hqEscalateAfterMinutes 1440)
    await patch(o.id, { completeDueAt: new Date(Date.now() - 24 * 60 * min - min) });
    await Promise.all([sweepSla(t.ctx), sweepSla(t.ctx)]);
    await sweepSla(t.ctx);
    r = await row(o.id);
    expect(r.completeEscalatedAt).not.toBeNull();
    expect(r.hqEscalatedAt).not.toBeNull();
    expect(await inbox(pm, 'workorder.sla_escalated', o.no)).toBe(2);
    expect(await inbox(hq, 'workorder.sla_escalated', o.no)).toBe(1);
    expect(await inbox(tech, 'workorder.sla_warning', o.no)).toBe(2);

    expect((await timeline(o.id)).filter((e) => e.startsWith('sla_'))).toEqual(['sla_warning', 'sla_warning', 'sla_escalated', 'sla_escalated', 'sla_escalated']);
    const sys = await db().select().from(woEvents).where(and(eq(woEvents.workOrderId, o.id), eq(woEvents.event, 'sla_escalated')));
    expect(sys.every((e) => e.actorName === '系统' && e.toStatus === 'assigned' && e.fromStatus === 'assigned')).toBe(true);
    expect(sys.map((e) => (e.data as any).kind).sort()).toEqual(['complete_escalation', 'hq_escalation', 'response_escalation']);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'workorder.sla_escalated')));
    expect(audits).toHaveLength(3);
    // the detail's timeline shows them
    const detail = (await w.as.desk('GET', `/api/work-orders/${o.id}`)).json();
    expect(detail.timeline.filter((e: any) => e.event === 'sla_escalated')).toHaveLength(3);
  });

  it('an accepted order gets no response notices; a finished one none at all', async () => {
    const accepted = await assigned(['accept']);
    const done = await assigned(['accept', 'start', 'complete']);
    for (const o of [accepted, done]) await patch(o.id, { responseDueAt: new Date(Date.now() - min), completeDueAt: new Date(Date.now() - min) });
    await sweepSla(t.ctx);
    const a = await row(accepted.id);
    expect([a.responseEscalatedAt, a.responseWarnedAt]).toEqual([null, null]);
    expect(a.completeEscalatedAt).not.toBeNull();
    const d = await row(done.id);
    expect([d.responseEscalatedAt, d.completeEscalatedAt]).toEqual([null, null]);
  });

  it('a scheduled job acts only on the deadline it was scheduled for, and once', async () => {
    const o = await assigned();
    const due = new Date(Date.now() - min);
    await patch(o.id, { responseDueAt: due });
    const job = slaNoticeJob(t.ctx);
    const run = (dueAt: Date) => job.handler([{ data: { companyId: w.tenant.companyId, orderId: o.id, kind: 'response_escalation', dueAt: dueAt.toISOString() } }] as any);
    // the deadline moved (a pause, a reopen) since this job was sent: nothing happens
    await run(new Date(due.getTime() - 60 * min));
    expect((await row(o.id)).responseEscalatedAt).toBeNull();
    await Promise.all([run(due), run(due)]);
    await run(due);
    expect((await row(o.id)).responseEscalatedAt).not.toBeNull();
    expect(await inbox(w.tenant.users.project_manager!.userId, 'workorder.sla_escalated', o.no)).toBe(1);
  });

  it('notices for a reopened order start again from its new deadlines', async () => {
    const o = await assigned(['accept', 'start', 'complete']);
    await patch(o.id, { completeEscalatedAt: new Date() });
    const r = await w.as.resident('POST', `/api/me/work-orders/${o.id}/events`, { event: 'reopen', version: o.version, note: '又漏了' });
    expect(r.statusCode, r.body).toBe(200);
    await patch(o.id, { completeDueAt: new Date(Date.now() - min) });
    await sweepSla(t.ctx);
    expect((await row(o.id)).completeEscalatedAt).not.toBeNull();
    expect((await timeline(o.id)).filter((e) => e === 'sla_escalated').length).toBeGreaterThanOrEqual(1);
  });
});

describe('auto-close', () => {
  it('closes completed orders left unconfirmed for autoCloseDays (7), as the system, once', async () => {
    const old = await assigned(['accept', 'start', 'complete']);
    const recent = await assigned(['accept', 'start', 'complete']);
    await patch(old.id, { completedAt: new Date(Date.now() - 8 * 24 * 60 * min) });
    await patch(recent.id, { completedAt: new Date(Date.now() - 6 * 24 * 60 * min) });
    expect(await autoCloseDue(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await autoCloseDue(t.ctx)).toBe(0);
    expect((await row(old.id)).status).toBe('closed');
    expect((await row(recent.id)).status).toBe('completed');
    const [close] = await db().select().from(woEvents).where(and(eq(woEvents.workOrderId, old.id), eq(woEvents.event, 'close')));
    expect(close).toMatchObject({ actorName: '系统', fromStatus: 'completed', toStatus: 'closed' });
    const res: any = await db().execute(sql`select count(*)::int as n from audit_log where entity_id = ${old.id} and action = 'workorder.transitioned'`);
    expect(Number(res.rows[0].n)).toBeGreaterThanOrEqual(5);
  });
});
