import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let pm: string;
let standardId: string;
let waterStandardId: string;
let buildingId: string;
const room: Record<string, string> = {};
let roomB: string;

const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const item = (code: string, feeCategory: string) => ({ code, name: code, category: 'periodic', feeCategory, taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner' });

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm] = await loginAs(t, ours, 'hq_admin', 'project_manager');
  const fee = (await t.as(hq)('POST', '/api/billing/fee-items', item('WYF', 'property_fee'))).json().id;
  const water = (await t.as(hq)('POST', '/api/billing/fee-items', item('SF', 'water'))).json().id;
  standardId = (await t.as(hq)('POST', '/api/billing/standards', {
    feeItemId: fee, projectId: null, code: 'ZZ', name: '住宅物业费', rule: { kind: 'area', basis: 'building_area', unitPrice: '2.5' }, validFrom: '2026-01-01',
  })).json().id;
  waterStandardId = (await t.as(hq)('POST', '/api/billing/standards', {
    feeItemId: water, projectId: null, code: 'SF', name: '水费', rule: { kind: 'metered', tiers: [{ upTo: null, unitPrice: '3.5' }] }, validFrom: '2026-01-01',
  })).json().id;
  const g = await t.as(pm)('POST', `/api/projects/${ours.projectA}/buildings/generate`, {
    code: '1', name: '1号楼', units: 1, floors: 2, roomsPerFloor: 2, areas: [{ buildingArea: '89.5' }, { buildingArea: '100' }],
  });
  buildingId = g.json().buildingId;
  for (const r of (await t.as(pm)('GET', `/api/rooms?buildingId=${buildingId}`)).json().items) room[r.code] = r.id;
  const gb = await t.as(hq)('POST', `/api/projects/${ours.projectB}/buildings/generate`, { code: '9', name: '9号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
  roomB = (await t.as(hq)('GET', `/api/rooms?buildingId=${gb.json().buildingId}`)).json().items[0].id;
});
afterAll(async () => t?.close());

describe('assignments', () => {
  it('assigns by building set-based, counting and refusing a clash with the same fee item', async () => {
    const one = await t.as(pm)('POST', '/api/billing/assignments', { standardId, projectId: ours.projectA, target: { by: 'rooms', roomIds: [room['1-1-0101']] }, from: '2026-01-01' });
    expect(one.json()).toMatchObject({ matched: 1, conflicts: 0, assigned: 1, created: true });
    const byBuilding = { standardId, projectId: ours.projectA, target: { by: 'building', buildingIds: [buildingId] }, from: '2026-03-01' };
    const preview = await t.as(pm)('POST', '/api/billing/assignments/preview', byBuilding);
    expect(preview.json()).toEqual({ matched: 4, conflicts: 1, conflictCodes: ['1-1-0101'], assigned: 3, created: false });
    const refused = await t.as(pm)('POST', '/api/billing/assignments', byBuilding);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1-1-0101');
    expect(Number((await rows(sql`select count(*)::int as n from charge_assignments where company_id = ${ours.companyId}`))[0].n)).toBe(1);

    // another fee item on the same rooms is fine: a room carries several standards
    const water = await t.as(pm)('POST', '/api/billing/assignments', { standardId: waterStandardId, projectId: ours.projectA, target: { by: 'project' }, from: '2026-01-01' });
    expect(water.json()).toMatchObject({ matched: 4, assigned: 4 });

    // ending the single assignment before the building's starts clears the way
    const [a] = (await t.as(pm)('GET', `/api/rooms/${room['1-1-0101']}/charge-assignments`)).json().filter((x: any) => x.standardId === standardId);
    expect((await t.as(pm)('POST', `/api/billing/assignments/${a.id}/end`, { version: 1, to: '2025-12-01' })).statusCode).toBe(400);
    const ended = await t.as(pm)('POST', `/api/billing/assignments/${a.id}/end`, { version: 1, to: '2026-02-28' });
    expect(ended.json()).toMatchObject({ validFrom: '2026-01-01', validTo: '2026-02-28', version: 2 });
    expect((await t.as(pm)('POST', `/api/billing/assignments/${a.id}/end`, { version: 2, to: '2026-03-31' })).statusCode).toBe(409);
    const created = await t.as(pm)('POST', '/api/billing/assignments', byBuilding);
    expect(created.json()).toMatchObject({ matched: 4, conflicts: 0, assigned: 4, created: true });
    const list = (await t.as(pm)('GET', `/api/rooms/${room['1-1-0101']}/charge-assignments`)).json();
    expect(list.map((x: any) => [x.standardCode, x.validFrom, x.validTo])).toEqual([['SF', '2026-01-01', null], ['ZZ', '2026-01-01', '2026-02-28'], ['ZZ', '2026-03-01', null]]);
  });

  it('assigns by room type and to parking spaces', async () => {
    const fee = (await t.as(hq)('POST', '/api/billing/fee-items', item('CWF', 'parking'))).json().id;
    const s = (await t.as(hq)('POST', '/api/billing/standards', {
      feeItemId: fee, projectId: null, code: 'CW', name: '车位管理费', rule: { kind: 'fixed', per: 'parking_space', amount: 8000 }, validFrom: '2026-01-01',
    })).json().id;
    const p = (await t.as(pm)('POST', '/api/parking-spaces', { projectId: ours.projectA, code: 'B1-001', type: 'owned' })).json().id;
    const res = await t.as(pm)('POST', '/api/billing/assignments', { standardId: s, projectId: ours.projectA, target: { by: 'parking', parkingSpaceIds: [p] }, from: '2026-01-01', to: '2026-12-31' });
    expect(res.json()).toMatchObject({ assigned: 1 });
    expect((await t.as(pm)('GET', `/api/parking-spaces/${p}/charge-assignments`)).json()[0]).toMatchObject({ parkingSpaceId: p, roomId: null, validTo: '2026-12-31' });
    const shops = await t.as(pm)('POST', '/api/billing/assignments/preview', { standardId: s, projectId: ours.projectA, target: { by: 'room_type', roomTypes: ['shop'] }, from: '2026-01-01' });
    expect(shops.json()).toMatchObject({ matched: 0 });
    expect((await t.as(pm)('POST', '/api/billing/assignments', { standardId: s, projectId: ours.projectA, target: { by: 'room_type', roomTypes: ['shop'] }, from: '2026-01-01' })).statusCode).toBe(400);
  });

  it('refuses a room of another project (400 on the field) and an out-of-scope project (404)', async () => {
    const cross = await t.as(hq)('POST', '/api/billing/assignments', { standardId, projectId: ours.projectA, target: { by: 'rooms', roomIds: [room['1-1-0102'], roomB] }, from: '2027-01-01' });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.details[0]).toMatchObject({ path: 'body.target.roomIds', ids: [roomB] });
    const building = await t.as(hq)('POST', '/api/billing/assignments/preview', { standardId, projectId: ours.projectB, target: { by: 'building', buildingIds: [buildingId] }, from: '2027-01-01' });
    expect(building.json().error.details[0].path).toBe('body.target.buildingIds');
    expect((await t.as(pm)('POST', '/api/billing/assignments', { standardId, projectId: ours.projectB, target: { by: 'project' }, from: '2027-01-01' })).statusCode).toBe(404);
    expect((await t.as(pm)('GET', `/api/rooms/${roomB}/charge-assignments`)).statusCode).toBe(404);
    const unknown = await t.as(pm)('POST', '/api/billing/assignments/preview', { standardId: '01890000-0000-7000-8000-000000000000', projectId: ours.projectA, target: { by: 'project' }, from: '2027-01-01' });
    expect(unknown.json().error.details[0].path).toBe('body.standardId');
  });

  it('writes one audit entry per assignment and per end', async () => {
    const audit = await rows(sql`select action, after from audit_log where company_id = ${ours.companyId} and action in ('billing.assigned', 'billing.assignment_ended') order by created_at`);
    expect(audit.map((a) => a.action)).toEqual(['billing.assigned', 'billing.assigned', 'billing.assignment_ended', 'billing.assigned', 'billing.assigned']);
    expect(audit[3].after).toMatchObject({ assigned: 4, from: '2026-03-01', target: { by: 'building' } });
  });
});
