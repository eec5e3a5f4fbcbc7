import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../events/bus.ts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { residentRepair, woWorld, type WoWorld } from './test-kit.ts';

/** Real-time: each change pushes `workorder.changed` (ids only) to whoever has the order on a screen, and to nobody else. */
let t: TestApp;
let w: WoWorld;
const seen = new Map<string, PushEvent[]>();
beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
  const u = w.tenant.users;
  for (const [name, id] of Object.entries({
    resident: u.resident!.userId, desk: u.customer_service!.userId, pm: u.project_manager!.userId, hq: u.hq_admin!.userId,
    tech: u.technician!.userId, tech2: w.tech2.userId, cashier: u.cashier!.userId, techB: w.tenant.staffB.userId,
  })) {
    seen.set(name, []);
    t.ctx.events.subscribe(id, (e) => { if (e.type === 'workorder.changed') seen.get(name)!.push(e); });
  }
});
afterAll(async () => t?.close());

const settle = () => new Promise((r) => setTimeout(r, 150));
const got = (name: string, id: string) => seen.get(name)!.filter((e) => (e.data as any).id === id).map((e) => (e.data as any).event);

describe('live work-order updates', () => {
  it('reach the requester, the desk, the managers and the assignee; not the cashier or another project', async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId });
    await settle();
    for (const who of ['resident', 'desk', 'pm', 'hq']) expect(got(who, o.id), who).toEqual(expect.arrayContaining(['submit', 'assign']));
    expect(got('tech', o.id)).toContain('assign');
    for (const who of ['cashier', 'techB', 'tech2']) expect(got(who, o.id), who).toEqual([]);
    const data = seen.get('desk')!.find((e) => (e.data as any).id === o.id)!.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['event', 'id', 'projectId', 'status']);
  });

  it('a transfer tells the technician who lost the order too; a refused change pushes nothing', async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const a = (await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId })).json();
    await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'transfer', version: a.version, assigneeId: w.tech2.userId });
    await settle();
    expect(got('tech', o.id)).toContain('transfer');
    expect(got('tech2', o.id)).toContain('transfer');
    const before = got('desk', o.id).length;
    const refused = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'complete', version: a.version + 1 });
    expect(refused.statusCode).toBe(409);
    await settle();
    expect(got('desk', o.id).length).toBe(before);
  });
});
