import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { payerOn } from './payers.service.ts';

let t: TestApp;
let ours: Tenant;
const c: Record<string, string> = {};
let rooms: string[] = [];
let otherProjectRoom: string;
const who: Record<string, string> = {};

const post = (url: string, payload: object, as = 'project_manager') => t.app.inject({ method: 'POST', url, headers: { cookie: c[as]! }, payload });
const put = (roomId: string, payload: object, as = 'project_manager') => t.app.inject({ method: 'PUT', url: `/api/rooms/${roomId}/payers`, headers: { cookie: c[as]! }, payload });
const get = (url: string, as = 'project_manager') => t.app.inject({ method: 'GET', url, headers: { cookie: c[as]! } });
const relate = async (roomId: string, name: string, relation: string, validFrom: string, shareBp?: number) => {
  who[name] ??= (await post('/api/persons', { name })).json().id;
  const res = await post(`/api/rooms/${roomId}/residents`, { personId: who[name], relation, validFrom, ...(shareBp ? { shareBp } : {}) });
  expect(res.statusCode).toBe(200);
};
const current = async (roomId: string) => Object.fromEntries((await get(`/api/rooms/${roomId}/payers`, 'customer_service')).json().current
  .map((x: any) => [x.category, `${x.payer}/${x.source}`]));

async function generate(projectId: string, code: string, as: string, n: number) {
  const g = await post(`/api/projects/${projectId}/buildings/generate`, { code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: n, areas: Array(n).fill({ buildingArea: 90 }) }, as);
  return (await get(`/api/rooms?buildingId=${g.json().buildingId}`, as)).json().items.map((r: any) => r.id as string);
}

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  for (const r of ['project_manager', 'customer_service', 'hq_admin']) c[r] = await login(t, ours.users[r]!.phone);
  rooms = await generate(ours.projectA, '6', 'project_manager', 5);
  [otherProjectRoom] = await generate(ours.projectB, '7', 'hq_admin', 1);
  const [a, b, cRoom, d] = rooms as [string, string, string, string];
  await relate(a, '业主甲', 'owner', '2025-01-01', 10000);
  await relate(a, '租户甲', 'tenant', '2026-01-01');
  await relate(b, '业主乙', 'owner', '2025-01-01', 10000);
  await relate(cRoom, '共有人丙一', 'owner', '2025-01-01', 6000);
  await relate(cRoom, '共有人丙二', 'co_owner', '2025-01-01', 4000);
  await relate(d, '业主丁', 'owner', '2025-01-01', 10000);
  await relate(d, '租户丁', 'tenant', '2026-01-01');
  await t.ctx.database.db.execute(sql`update room_residents set valid_to = '2026-03-31' where person_id = ${who['租户丁']!}`); // lease ended
});
afterAll(async () => t?.close());

describe('payer rules per room and fee category', () => {
  it('sets dated rules, falls back from category to the room default to the owner, keeps history', async () => {
    const a = rooms[0]!;
    expect(await current(a)).toMatchObject({ property_fee: 'owner/fallback', water: 'owner/fallback', '*': 'owner/fallback' });
    expect((await put(a, { category: '*', payer: 'tenant', from: '2026-02-01' })).statusCode).toBe(200);
    expect((await put(a, { category: 'water', payer: 'owner', from: '2026-02-01' })).statusCode).toBe(200);
    expect(await current(a)).toMatchObject({ '*': 'tenant/rule', property_fee: 'tenant/default', water: 'owner/rule' });
    // a change on the rule's first day replaces it; a later one closes it the day before
    expect((await put(a, { category: 'water', payer: 'tenant', from: '2026-02-01' })).statusCode).toBe(200);
    const res = await put(a, { category: '*', payer: 'owner', from: '2026-05-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().history).toEqual([
      { category: '*', payer: 'tenant', validFrom: '2026-02-01', validTo: '2026-04-30' },
      { category: '*', payer: 'owner', validFrom: '2026-05-01', validTo: null },
      { category: 'water', payer: 'tenant', validFrom: '2026-02-01', validTo: null },
    ]);
    expect((await put(a, { category: '*', payer: 'owner', from: '2026-06-01' })).statusCode).toBe(409); // already
    expect((await put(a, { category: '*', payer: 'tenant', from: '2026-04-01' })).statusCode).toBe(409); // before the rule in force
    const audit = (await get(`/api/audit-logs?action=estate.payer_set&entityId=${a}`, 'hq_admin')).json();
    expect(audit.total).toBe(4);
  });

  it('refuses a tenant rule when nobody rents the room that day, bad input, readers and other projects', async () => {
    const [a, b] = rooms as [string, string];
    const noTenant = await put(b, { category: 'property_fee', payer: 'tenant', from: '2026-02-01' });
    expect(noTenant.statusCode).toBe(409);
    expect(noTenant.json().error.details[0].path).toBe('body.payer');
    expect((await put(a, { category: 'gas', payer: 'tenant', from: '2025-12-31' })).statusCode).toBe(409); // tenant starts 2026-01-01
    expect((await put(a, { category: 'phone', payer: 'owner', from: '2026-02-01' })).statusCode).toBe(400);
    expect((await put(a, { category: 'gas', payer: 'owner', from: '2026-02-30' })).statusCode).toBe(400);
    expect((await put(a, { category: 'gas', payer: 'owner', from: '2026-02-01' }, 'customer_service')).statusCode).toBe(403);
    expect((await put(otherProjectRoom, { category: 'gas', payer: 'owner', from: '2026-02-01' })).statusCode).toBe(404);
    expect((await get(`/api/rooms/${otherProjectRoom}/payers`)).statusCode).toBe(404);
  });
});

describe('payerOn (what billing calls)', () => {
  it('answers for many rooms in one query: tenants, owners with shares, fallbacks, dates', async () => {
    const [a, b, cRoom, d, e] = rooms as [string, string, string, string, string];
    const db = t.ctx.database.db;
    expect((await put(d, { category: 'property_fee', payer: 'tenant', from: '2026-01-01' })).statusCode).toBe(200);
    const march = await payerOn(db, ours.companyId, [a, b, cRoom, d, e, randomUUID()], 'property_fee', '2026-03-01');
    expect(march.size).toBe(5); // a room of no one (or another company) is left out
    expect(march.get(a)).toEqual({ payer: 'tenant', rulePayer: 'tenant', source: 'default', persons: [{ personId: who['租户甲'], shareBp: null }] });
    expect(march.get(b)).toEqual({ payer: 'owner', rulePayer: 'owner', source: 'fallback', persons: [{ personId: who['业主乙'], shareBp: 10000 }] });
    expect(march.get(cRoom)!.persons).toEqual([{ personId: who['共有人丙一'], shareBp: 6000 }, { personId: who['共有人丙二'], shareBp: 4000 }]);
    expect(march.get(d)).toMatchObject({ payer: 'tenant', source: 'category', persons: [{ personId: who['租户丁'] }] });
    expect(march.get(e)).toEqual({ payer: 'owner', rulePayer: 'owner', source: 'fallback', persons: [] });

    const water = await payerOn(db, ours.companyId, [a], 'water', '2026-03-01');
    expect(water.get(a)).toMatchObject({ payer: 'tenant', source: 'category' });
    const june = await payerOn(db, ours.companyId, [a, d], 'property_fee', '2026-06-01');
    expect(june.get(a)).toMatchObject({ payer: 'owner', source: 'default', persons: [{ personId: who['业主甲'], shareBp: 10000 }] });
    // the lease ended in March: the rule still says tenant, the owner answers
    expect(june.get(d)).toEqual({ payer: 'owner', rulePayer: 'tenant', source: 'category', persons: [{ personId: who['业主丁'], shareBp: 10000 }] });
    expect((await payerOn(db, ours.companyId, [a], 'property_fee', '2026-01-15')).get(a)).toMatchObject({ payer: 'owner', source: 'fallback' });

    // after 过户 the new owner pays from the transfer date, the old ones up to the day before
    who['新业主'] = (await post('/api/persons', { name: '新业主' })).json().id;
    expect((await post(`/api/rooms/${cRoom}/transfer`, { date: '2026-07-01', owners: [{ personId: who['新业主'], shareBp: 10000 }] })).statusCode).toBe(200);
    const before = await payerOn(db, ours.companyId, [cRoom], 'heating', '2026-06-30');
    const after = await payerOn(db, ours.companyId, [cRoom], 'heating', '2026-07-01');
    expect(before.get(cRoom)!.persons.map((p) => p.shareBp)).toEqual([6000, 4000]);
    expect(after.get(cRoom)!.persons).toEqual([{ personId: who['新业主'], shareBp: 10000 }]);
    expect((await payerOn(db, ours.companyId, [], 'water', '2026-07-01')).size).toBe(0);
  });
});
