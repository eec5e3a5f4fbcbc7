import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildings } from '../estate/estate.table.ts';
import { woWorld, type WoWorld } from './test-kit.ts';
import { workOrders } from './workorders.table.ts';

/** 派单设置 API: skills, shifts and building responsibility — scope, validation and audit. */
let t: TestApp;
let w: WoWorld;
let buildingB: string;
const hour = 3600_000;
const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
const audit = async (action: string) => ((await t.ctx.database.db.execute(sql`select entity_id, before, after from audit_log
  where company_id = ${w.tenant.companyId} and action = ${action} order by created_at`)) as any).rows as any[];

beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
  const [b] = await t.ctx.database.db.insert(buildings).values({ companyId: w.tenant.companyId, projectId: w.tenant.projectB, code: 'B1', name: 'B1栋' }).returning();
  buildingB = b!.id;
});
afterAll(async () => t?.close());

const tech = () => w.tenant.users.technician!.userId;
const shiftBody = (extra: object = {}) => ({ projectId: w.tenant.projectA, userId: tech(), startsAt: at(-1), endsAt: at(3), ...extra });

describe('skills', () => {
  it('replaces the set, is audited, and shows in the worker list', async () => {
    const r = await w.as.pm('PUT', `/api/work-orders/staff/${tech()}/skills`, { skills: ['elevator', 'plumbing'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ userId: tech(), skills: ['elevator', 'plumbing'] });
    const list = (await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectA}`)).json();
    expect(list.find((x: any) => x.userId === tech()).skills).toEqual(['elevator', 'plumbing']);
    const [row] = await audit('workorder.skills_updated');
    expect(row).toMatchObject({ entity_id: tech(), before: { skills: ['electrical', 'plumbing'] }, after: { skills: ['elevator', 'plumbing'] } });
  });

  it('refuses bad codes and duplicates (400 with the field), strangers (404) and roles without the right (403)', async () => {
    const bad = await w.as.pm('PUT', `/api/work-orders/staff/${tech()}/skills`, { skills: ['Plumbing!'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'body.skills.0', message: 'invalid_skill' });
    const dup = await w.as.pm('PUT', `/api/work-orders/staff/${tech()}/skills`, { skills: ['plumbing', 'plumbing'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toBe('body.skills');
    // project B's technician is not a worker of any project the PM sees; the cashier works no orders
    expect((await w.as.pm('PUT', `/api/work-orders/staff/${w.tenant.staffB.userId}/skills`, { skills: [] })).statusCode).toBe(404);
    expect((await w.as.pm('PUT', `/api/work-orders/staff/${w.tenant.users.cashier!.userId}/skills`, { skills: [] })).statusCode).toBe(404);
    expect((await w.as.hq('PUT', `/api/work-orders/staff/${w.tenant.staffB.userId}/skills`, { skills: ['plumbing'] })).statusCode).toBe(200);
    expect((await w.as.desk('PUT', `/api/work-orders/staff/${tech()}/skills`, { skills: [] })).statusCode).toBe(403);
  });
});

describe('shifts', () => {
  it('creates, lists by range, marks the worker on shift, deletes, audits', async () => {
    const before = (await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectA}`)).json();
    expect(before.find((x: any) => x.userId === tech()).onShift).toBe(false);
    const r = await w.as.pm('POST', '/api/work-orders/shifts', shiftBody());
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({ projectId: w.tenant.projectA, userId: tech(), userName: expect.any(String) });
    const after = (await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectA}`)).json();
    expect(after.find((x: any) => x.userId === tech()).onShift).toBe(true);

    const inRange = (await w.as.desk('GET', `/api/work-orders/shifts?projectId=${w.tenant.projectA}&from=${encodeURIComponent(at(-2))}&to=${encodeURIComponent(at(0))}`)).json();
    expect(inRange.map((x: any) => x.id)).toContain(s.id);
    const later = (await w.as.desk('GET', `/api/work-orders/shifts?projectId=${w.tenant.projectA}&from=${encodeURIComponent(at(5))}&to=${encodeURIComponent(at(9))}`)).json();
    expect(later.map((x: any) => x.id)).not.toContain(s.id);
    expect((await w.as.desk('GET', `/api/work-orders/shifts?projectId=${w.tenant.projectA}&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(24 * 70))}`)).statusCode).toBe(400);

    expect((await w.as.pm('DELETE', `/api/work-orders/shifts/${s.id}`)).statusCode).toBe(200);
    expect((await w.as.pm('DELETE', `/api/work-orders/shifts/${s.id}`)).statusCode).toBe(404);
    expect((await audit('workorder.shift_created')).map((a) => a.entity_id)).toContain(s.id);
    expect((await audit('workorder.shift_deleted')).map((a) => a.entity_id)).toContain(s.id);
  });

  it('refuses end before start, more than 24 h, overlaps and non-workers with the field named', async () => {
    const fail = async (body: object) => {
      const r = await w.as.pm('POST', '/api/work-orders/shifts', body);
      expect(r.statusCode, r.body).toBe(400);
      return r.json().error.details[0];
    };
    expect(await fail(shiftBody({ startsAt: at(5), endsAt: at(5) }))).toEqual({ path: 'body.endsAt', message: 'ends_before_start' });
    expect(await fail(shiftBody({ startsAt: at(5), endsAt: at(30) }))).toEqual({ path: 'body.endsAt', message: 'longer_than_24h' });
    expect(await fail(shiftBody({ userId: w.tenant.users.cashier!.userId }))).toEqual({ path: 'body.userId', message: 'not_project_worker' });
    expect(await fail(shiftBody({ userId: w.tenant.staffB.userId }))).toEqual({ path: 'body.userId', message: 'not_project_worker' });
    expect((await fail(shiftBody({ startsAt: 'tomorrow' }))).path).toBe('body.startsAt');
    expect((await w.as.pm('POST', '/api/work-orders/shifts', shiftBody({ startsAt: at(40), endsAt: at(48) }))).statusCode).toBe(200);
    expect(await fail(shiftBody({ startsAt: at(47), endsAt: at(50) }))).toEqual({ path: 'body.startsAt', message: 'overlaps_shift' });
  });

  it("keeps another project's shifts out of reach (404) and writes to the managers (403 for the desk)", async () => {
    expect((await w.as.pm('POST', '/api/work-orders/shifts', shiftBody({ projectId: w.tenant.projectB, userId: w.tenant.staffB.userId }))).statusCode).toBe(404);
    const theirs = await w.as.hq('POST', '/api/work-orders/shifts', shiftBody({ projectId: w.tenant.projectB, userId: w.tenant.staffB.userId, startsAt: at(100), endsAt: at(104) }));
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect((await w.as.pm('DELETE', `/api/work-orders/shifts/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await w.as.desk('GET', `/api/work-orders/shifts?projectId=${w.tenant.projectB}`)).statusCode).toBe(404);
    const mine = (await w.as.desk('GET', `/api/work-orders/shifts?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(200))}`)).json();
    expect(mine.map((x: any) => x.projectId)).not.toContain(w.tenant.projectB);
    expect((await w.as.desk('POST', '/api/work-orders/shifts', shiftBody({ startsAt: at(200), endsAt: at(201) }))).statusCode).toBe(403);
    expect((await w.as.tech('GET', `/api/work-orders/shifts?projectId=${w.tenant.projectA}`)).statusCode).toBe(403);
  });
});

describe('building responsibility', () => {
  it('replaces the responsible staff, shows them per worker, audits', async () => {
    const users = [tech(), w.tenant.users.guard!.userId];
    const r = await w.as.pm('PUT', `/api/work-orders/buildings/${w.buildingId}/staff`, { userIds: users });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ buildingId: w.buildingId, projectId: w.tenant.projectA, userIds: [...users].sort() });
    const list = (await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectA}`)).json();
    expect(list.find((x: any) => x.userId === tech()).buildingIds).toEqual([w.buildingId]);
    expect((await w.as.pm('PUT', `/api/work-orders/buildings/${w.buildingId}/staff`, { userIds: [tech()] })).statusCode).toBe(200);
    const rows = await audit('workorder.building_staff_updated');
    expect(rows.at(-1)).toMatchObject({ entity_id: w.buildingId, before: { userIds: [...users].sort() }, after: { userIds: [tech()] } });
  });

  it('refuses staff outside the building project (400 per entry) and buildings out of scope (404)', async () => {
    const r = await w.as.pm('PUT', `/api/work-orders/buildings/${w.buildingId}/staff`, { userIds: [tech(), w.tenant.staffB.userId, w.tenant.users.cashier!.userId] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([{ path: 'body.userIds.1', message: 'not_project_worker' }, { path: 'body.userIds.2', message: 'not_project_worker' }]);
    expect((await w.as.pm('PUT', `/api/work-orders/buildings/${buildingB}/staff`, { userIds: [] })).statusCode).toBe(404);
    expect((await w.as.hq('PUT', `/api/work-orders/buildings/${buildingB}/staff`, { userIds: [w.tenant.staffB.userId] })).statusCode).toBe(200);
    expect((await w.as.pm('PUT', '/api/work-orders/buildings/00000000-0000-4000-8000-000000000000/staff', { userIds: [] })).statusCode).toBe(404);
  });
});

describe('worker list', () => {
  it("counts open load in every project, needs a project (the switcher's or the query's), hides other projects", async () => {
    const none = await w.as.hq('GET', '/api/work-orders/staff');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual([]);
    const viaSwitcher = (await w.as.desk('GET', '/api/work-orders/staff', undefined, { 'x-project-id': w.tenant.projectA })).json();
    expect(viaSwitcher.map((x: any) => x.userId)).toContain(tech());
    expect(viaSwitcher.map((x: any) => x.userId)).not.toContain(w.tenant.users.cashier!.userId);
    expect((await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectB}`)).statusCode).toBe(404);
    const load = (projectId: string, no: string, status: 'accepted' | 'closed') => ({
      companyId: w.tenant.companyId, projectId, no, type: 'repair' as const, source: 'desk' as const, priority: 'normal' as const, status,
      description: '负载', area: 'public' as const, locationText: 'x', assigneeUserId: tech(),
    });
    await t.ctx.database.db.insert(workOrders).values([load(w.tenant.projectB, 'LOAD-1', 'accepted'), load(w.tenant.projectA, 'LOAD-2', 'closed')]);
    const list = (await w.as.desk('GET', `/api/work-orders/staff?projectId=${w.tenant.projectA}`)).json();
    expect(list.find((x: any) => x.userId === tech()).openLoad).toBe(1);
  });
});
