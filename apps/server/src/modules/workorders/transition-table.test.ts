import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinRoles, workOrderEvents, workOrderStatuses, workOrderTransitions, type WorkOrderEvent, type WorkOrderStatus,
} from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { woWorld, type Call, type WoWorld } from './test-kit.ts';
import { workOrders } from './workorders.table.ts';

/**
 * Every row of the shared transition table, fired by every role against an order prepared in the
 * row's `from` status: the roles the table allows (permission + relation) succeed, the others get
 * 403 — or 404 when their row scope does not show them the order — and every (status, event)
 * pair the table does not have is a 409 naming the status and the allowed events.
 */
let t: TestApp;
let w: WoWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
});
afterAll(async () => t?.close());

type Role = 'hq_admin' | 'hq_viewer' | 'project_manager' | 'customer_service' | 'cashier' | 'technician' | 'guard' | 'resident';
const roles: Role[] = ['hq_admin', 'hq_viewer', 'project_manager', 'customer_service', 'cashier', 'technician', 'guard', 'resident'];
const callOf = (r: Role): Call => ({
  hq_admin: w.as.hq, hq_viewer: w.as.viewer, project_manager: w.as.pm, customer_service: w.as.desk, cashier: w.as.cashier,
  technician: w.as.tech, guard: w.as.guard, resident: w.as.resident,
} as const)[r];
const permsOf = (r: Role) => new Set<string>(builtinRoles.find((b) => b.code === r)!.permissions);

/** An order in `from`, assigned to the technician (except when submitted: then in the grab pool), requested by the resident. */
async function orderIn(from: WorkOrderStatus, event: WorkOrderEvent) {
  const quoteRow = ['quote', 'accept_quote', 'decline_quote'].includes(event);
  const now = new Date();
  const [o] = await t.ctx.database.db.insert(workOrders).values({
    companyId: w.tenant.companyId, projectId: w.tenant.projectA, no: `WOT-${Math.random().toString(36).slice(2, 10)}`, type: 'repair', source: 'resident',
    categoryId: quoteRow ? w.paidCategoryId : w.cat.plumbing!, priority: 'normal', status: from, description: '流转表测试', area: 'private',
    roomId: w.roomIds[0], buildingId: w.buildingId, requesterUserId: w.tenant.users.resident!.userId, requesterName: '住户',
    assigneeUserId: from === 'submitted' ? null : w.tenant.users.technician!.userId, assigneeName: from === 'submitted' ? null : '维修工',
    inPool: from === 'submitted',
    responseDueAt: new Date(now.getTime() + 3600_000), completeDueAt: new Date(now.getTime() + 86400_000),
    pausedAt: from === 'paused' ? now : null,
    pauseReason: from === 'paused' ? (quoteRow ? 'quote' : 'parts') : null,
    quoteFen: from === 'paused' && quoteRow ? 8800 : null, quoteStatus: from === 'paused' && quoteRow ? 'proposed' : null,
    completedAt: ['completed', 'confirmed', 'closed'].includes(from) ? now : null,
    rating: from === 'confirmed' ? 5 : null,
  }).returning();
  return o!;
}

function bodyFor(event: WorkOrderEvent, version: number): Record<string, unknown> {
  const b: Record<string, unknown> = { event, version };
  if (event === 'assign') b.assigneeId = w.tenant.users.technician!.userId;
  if (event === 'transfer') b.assigneeId = w.tech2.userId;
  if (['reject', 'reopen', 'cancel'].includes(event)) b.note = '测试说明';
  if (event === 'pause') b.reason = 'parts';
  if (event === 'quote') b.amountFen = 8800;
  if (event === 'confirm') b.rating = 4;
  if (event === 'revisit') b.result = 'satisfied';
  return b;
}

/** What the role is to the prepared order (mirrors access.ts / relationsOf). */
function relations(r: Role, from: WorkOrderStatus) {
  return { assignee: r === 'technician' && from !== 'submitted', requester: r === 'resident', pool: r === 'technician' && from === 'submitted' };
}
function visible(r: Role, from: WorkOrderStatus) {
  if (r === 'resident') return true;
  if (!permsOf(r).has('workorder.read')) return true; // the route refuses them first (403)
  if (r === 'technician') return true; // assignee, or the order is in the pool
  if (r === 'guard') return from === 'submitted'; // only the pool
  return true;
}
function expected(r: Role, from: WorkOrderStatus, event: WorkOrderEvent): number {
  const perms = permsOf(r);
  if (r === 'resident') {
    // through /api/me/…: resident.self passes the route; the table decides
  } else if (!perms.has('workorder.read')) return 403;
  if (!visible(r, from)) return 404;
  const rel = relations(r, from) as Record<string, boolean>;
  const fits = workOrderTransitions.some((row) => row.from === from && row.event === event && perms.has(row.permission) && (!('actor' in row) || rel[row.actor as string]));
  return fits ? 200 : 403;
}

describe('the work-order transition table, row by row and role by role', () => {
  it('allows exactly the roles a row names and refuses the rest', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    const pairs = [...new Set(workOrderTransitions.map((r) => `${r.from}|${r.event}`))].map((p) => p.split('|') as [WorkOrderStatus, WorkOrderEvent]);
    for (const [from, event] of pairs) {
      for (const r of roles) {
        const o = await orderIn(from, event);
        const url = r === 'resident' ? `/api/me/work-orders/${o.id}/events` : `/api/work-orders/${o.id}/events`;
        const res = await callOf(r)('POST', url, bodyFor(event, o.version));
        const want = expected(r, from, event);
        if (res.statusCode !== want) failures.push(`${from} --${event}--> as ${r}: ${res.statusCode} (want ${want}) ${res.statusCode >= 400 ? res.json().error?.message : ''}`);
        if (res.statusCode === 200) {
          const to = workOrderTransitions.find((x) => x.from === from && x.event === event)!.to;
          if (res.json().status !== to) failures.push(`${from} --${event}--> as ${r}: landed in ${res.json().status}, want ${to}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(pairs.length).toBeGreaterThan(25);
  });

  it('answers 409 with the current status and the allowed events to every pair the table lacks', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const from of workOrderStatuses) {
      const allowed = [...new Set(workOrderTransitions.filter((r) => r.from === from).map((r) => r.event))];
      for (const event of workOrderEvents.filter((e) => !allowed.includes(e))) {
        const o = await orderIn(from, event);
        const res = await w.as.hq('POST', `/api/work-orders/${o.id}/events`, bodyFor(event, o.version));
        checked++;
        const d = res.json().error?.details;
        if (res.statusCode !== 409 || d?.currentStatus !== from || JSON.stringify([...d.allowedEvents].sort()) !== JSON.stringify([...allowed].sort())) {
          failures.push(`${from} --${event}-->: ${res.statusCode} ${JSON.stringify(d)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('the detail lists exactly the events the table allows the caller', async () => {
    const o = await orderIn('in_progress', 'complete');
    const tech = (await w.as.tech('GET', `/api/work-orders/${o.id}`)).json();
    expect(tech.abilities.sort()).toEqual(['complete', 'pause', 'quote']);
    const desk = (await w.as.desk('GET', `/api/work-orders/${o.id}`)).json();
    expect(desk.abilities).toEqual([]);
    const mine = (await w.as.resident('GET', `/api/me/work-orders/${o.id}`)).json();
    expect(mine.abilities).toEqual([]);
  });
});
