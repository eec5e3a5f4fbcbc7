import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { businessNow } from '../../lib/time.ts';

let t: TestApp;
let ours: Tenant;
const c: Record<string, string> = {};
const roomIds: string[] = [];
let otherProjectRoom: string;

const post = (url: string, payload: object, who = 'project_manager') => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload });
const get = (url: string, who = 'project_manager') => t.app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
const person = async (name: string) => (await post('/api/persons', { name })).json().id as string;
const relate = async (roomId: string, personId: string, relation: string, validFrom: string) => {
  const res = await post(`/api/rooms/${roomId}/residents`, { personId, relation, validFrom, ...(relation === 'owner' ? { shareBp: 10000 } : {}) });
  expect(res.statusCode).toBe(200);
};
const history = async (roomId: string) => (await get(`/api/rooms/${roomId}/status-history`)).json().map((h: any) => [h.status, h.validFrom, h.validTo]);
const moves = async (roomId: string) => (await get(`/api/rooms/${roomId}/moves`, 'customer_service')).json().map((m: any) => [m.kind, m.date, m.personName]);

async function generate(projectId: string, code: string, who: string) {
  const g = await post(`/api/projects/${projectId}/buildings/generate`, { code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: 3, areas: [{ buildingArea: 90 }, { buildingArea: 90 }, { buildingArea: 90 }] }, who);
  const list = (await get(`/api/rooms?buildingId=${g.json().buildingId}`, who)).json().items.map((r: any) => r.id as string);
  // delivered at the start of the year: the first status period is backdated for the history
  await t.ctx.database.db.execute(sql`update room_status_history set valid_from = '2026-01-01' where room_id = any(${sql.param(list)}::uuid[])`);
  return list;
}

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  for (const r of ['project_manager', 'customer_service', 'hq_admin']) c[r] = await login(t, ours.users[r]!.phone);
  roomIds.push(...(await generate(ours.projectA, '8', 'project_manager')));
  [otherProjectRoom] = await generate(ours.projectB, '9', 'hq_admin');
});
afterAll(async () => t?.close());

describe('move-in and move-out', () => {
  it('records living there apart from owning, drives the status history, ends tenants on request', async () => {
    const room = roomIds[0]!;
    const owner = await person('买房业主');
    const family = await person('业主家属');
    await relate(room, owner, 'owner', '2025-05-01'); // bought in 2025 …
    await relate(room, family, 'family', '2025-05-01');
    const res = await post(`/api/rooms/${room}/move-in`, { date: '2026-02-01', personIds: [owner, family], note: '装修完成' }); // … moved in in 2026
    expect(res.statusCode).toBe(200);
    expect(res.json().room).toMatchObject({ status: 'occupied', version: 2 });
    expect(await history(room)).toEqual([['vacant', '2026-01-01', '2026-01-31'], ['occupied', '2026-02-01', null]]);
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2026-02-02', personIds: [owner] })).statusCode).toBe(409);

    const out = await post(`/api/rooms/${room}/move-out`, { date: '2026-03-10', endRelations: true });
    expect(out.statusCode).toBe(200);
    expect(out.json().room.status).toBe('vacant');
    expect(await history(room)).toEqual([['vacant', '2026-01-01', '2026-01-31'], ['occupied', '2026-02-01', '2026-03-09'], ['vacant', '2026-03-10', null]]);
    const rel = (await get(`/api/rooms/${room}/residents`)).json().map((r: any) => [r.name, r.relation, r.validTo]);
    expect(rel).toEqual(expect.arrayContaining([['买房业主', 'owner', null], ['业主家属', 'family', '2026-03-10']]));
    expect((await post(`/api/rooms/${room}/move-out`, { date: '2026-03-11', endRelations: false })).statusCode).toBe(409);

    // re-let the same day: a tenant moves in the day the family left
    const tenant = await person('新租户');
    await relate(room, tenant, 'tenant', '2026-03-10');
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2026-03-10', personIds: [tenant] })).statusCode).toBe(200);
    expect(await history(room)).toEqual([['vacant', '2026-01-01', '2026-01-31'], ['occupied', '2026-02-01', '2026-03-09'], ['occupied', '2026-03-10', null]]);
    // only the tenant's household moves out; the owner's relation stays
    expect((await post(`/api/rooms/${room}/move-out`, { date: '2026-04-30', endRelations: true, note: '租约到期' })).statusCode).toBe(200);
    expect(await moves(room)).toEqual([
      ['move_in', '2026-02-01', '买房业主'], ['move_in', '2026-02-01', '业主家属'],
      ['move_out', '2026-03-10', '买房业主'], ['move_out', '2026-03-10', '业主家属'],
      ['move_in', '2026-03-10', '新租户'], ['move_out', '2026-04-30', '新租户'],
    ]);
    const after = (await get(`/api/rooms/${room}/residents`)).json().map((r: any) => [r.name, r.validTo]);
    expect(after).toEqual(expect.arrayContaining([['买房业主', null], ['新租户', '2026-04-30']]));
    const audit = (await get(`/api/audit-logs?entityId=${room}&pageSize=50`, 'hq_admin')).json().items.map((a: any) => a.action);
    expect(audit.filter((a: string) => a === 'estate.moved_in')).toHaveLength(2);
    expect(audit.filter((a: string) => a === 'estate.moved_out')).toHaveLength(2);
  });

  it('refuses future dates, people not living there, duplicates, a date before the status in force, and readers', async () => {
    const room = roomIds[1]!;
    const owner = await person('业主乙');
    const stranger = await person('路人');
    const later = await person('下月租户');
    await relate(room, owner, 'owner', '2025-01-01');
    await relate(room, later, 'tenant', businessNow().add(20, 'day').format('YYYY-MM-DD'));
    const tomorrow = businessNow().add(1, 'day').format('YYYY-MM-DD');
    const future = await post(`/api/rooms/${room}/move-in`, { date: tomorrow, personIds: [owner] });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body.date');
    const notHere = await post(`/api/rooms/${room}/move-in`, { date: '2026-02-01', personIds: [owner, stranger, later] });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().error.details.map((d: any) => d.path)).toEqual(['body.personIds.1', 'body.personIds.2']);
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2026-02-01', personIds: [owner, owner] })).statusCode).toBe(400);
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2025-12-31', personIds: [owner] })).statusCode).toBe(409);
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2026-02-01', personIds: [] })).statusCode).toBe(400);
    expect((await post(`/api/rooms/${room}/move-in`, { date: '2026-02-01', personIds: [owner] }, 'customer_service')).statusCode).toBe(403);
    expect((await post(`/api/rooms/${room}/move-out`, { date: '2026-02-01' })).statusCode).toBe(409); // nobody lives there
    expect((await get(`/api/rooms/${otherProjectRoom}/moves`)).statusCode).toBe(404);
    expect((await post(`/api/rooms/${otherProjectRoom}/move-out`, { date: '2026-02-01' })).statusCode).toBe(404);
    expect(await moves(room)).toEqual([]);
    expect(await history(room)).toEqual([['vacant', '2026-01-01', null]]);
  });

  it('moves out of a room marked lived-in before moves were recorded', async () => {
    const room = roomIds[2]!;
    expect((await post(`/api/rooms/${room}/status`, { version: 1, status: 'rented', from: '2026-01-15' })).statusCode).toBe(200);
    const res = await post(`/api/rooms/${room}/move-out`, { date: '2026-05-01' });
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/rooms/${room}/moves`)).json()).toMatchObject([{ kind: 'move_out', date: '2026-05-01', personId: null, personName: null, recordedBy: expect.stringMatching(/^成员-/) }]);
    expect(await history(room)).toEqual([['vacant', '2026-01-01', '2026-01-14'], ['rented', '2026-01-15', '2026-04-30'], ['vacant', '2026-05-01', null]]);
  });
});
