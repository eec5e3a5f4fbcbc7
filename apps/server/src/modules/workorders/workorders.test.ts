import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { residentRepair, woWorld, type WoWorld } from './test-kit.ts';

let t: TestApp;
let w: WoWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
});
afterAll(async () => t?.close());

describe('the whole loop', () => {
  it('resident reports, desk assigns, technician works, resident rates', async () => {
    const created = await w.as.resident('POST', '/api/me/work-orders', residentRepair(w));
    expect(created.statusCode, created.body).toBe(200);
    const o = created.json();
    expect(o).toMatchObject({ status: 'submitted', source: 'resident', priority: 'normal', roomCode: '1-011', buildingName: '1号楼', abilities: ['cancel'] });
    expect(o.no).toMatch(/^WO\d{8}-\d{4}$/);
    expect(o.timeline[0]).toMatchObject({ event: 'submit', toStatus: 'submitted' });

    const desk = await w.as.desk('GET', `/api/work-orders/${o.id}`);
    expect(desk.json().abilities).toEqual(expect.arrayContaining(['assign', 'cancel']));
    const assigned = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    let v = assigned.json().version;
    for (const event of ['accept', 'start', 'complete'] as const) {
      const r = await w.as.tech('POST', `/api/work-orders/${o.id}/events`, { event, version: v });
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
    }
    const rated = await w.as.resident('POST', `/api/me/work-orders/${o.id}/events`, { event: 'confirm', version: v, rating: 5, comment: '很快' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'confirmed', rating: 5 });
    // dispatch suggestions and SLA notices are timeline rows too; the transitions come in order
    const moves = rated.json().timeline.filter((e: any) => e.event === 'submit' || e.fromStatus !== e.toStatus || e.event === 'confirm');
    expect(moves.map((e: any) => e.event)).toEqual(['submit', 'assign', 'accept', 'start', 'complete', 'confirm']);

    // the desk's dispatch notes stay with the desk
    expect(rated.json().timeline.some((e: any) => e.event.startsWith('dispatch_'))).toBe(false);
    expect((await w.as.desk('GET', `/api/work-orders/${o.id}`)).json().timeline.some((e: any) => e.event === 'dispatch_suggested')).toBe(true);

    const stats = await w.as.pm('GET', `/api/work-orders/stats?projectId=${w.tenant.projectA}`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().total).toMatchObject({ count: 1, completed: 1, rated: 1, satisfied: 1, satisfactionRate: '100.00' });
  });

  it('an illegal event is a 409 naming the status and what is allowed; the wrong actor a 403', async () => {
    const o = (await w.as.resident('POST', '/api/me/work-orders', residentRepair(w))).json();
    const illegal = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'complete', version: o.version });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.details).toMatchObject({ currentStatus: 'submitted', allowedEvents: expect.arrayContaining(['assign', 'cancel']) });
    // the technician does not see an order nobody assigned to them
    expect((await w.as.tech('GET', `/api/work-orders/${o.id}`)).statusCode).toBe(404);
    const assigned = (await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.technician!.userId })).json();
    const forbidden = await w.as.desk('POST', `/api/work-orders/${o.id}/events`, { event: 'accept', version: assigned.version });
    expect(forbidden.statusCode).toBe(403);
  });
});
