import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let fee: string;
let water: string;
let roomA: string;
let roomA2: string;
let roomB: string;

const exec = (q: ReturnType<typeof sql>) => t.ctx.database.db.execute(q);
const rows = async (q: ReturnType<typeof sql>) => ((await exec(q)) as any).rows as any[];
const affected = (res: any) => Number(res.affectedRows ?? res.rowCount);
/** the SQLSTATE and message of a refused statement, whichever driver wrapped it */
async function refusal(q: ReturnType<typeof sql>) {
  try { await exec(q); } catch (e: any) {
    const c = e?.code ? e : e?.cause ?? e;
    return { code: c.code as string, message: String(c.message) };
  }
  throw new Error('statement was not refused');
}
const item = (code: string, feeCategory: string) => ({ code, name: code, category: 'periodic', feeCategory, taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner' });

const periodic = (roomId: string, feeItemId: string, from: string, to: string) => sql`insert into bills
  (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
  values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${roomId}, ${feeItemId}, 'periodic', ${from}, ${to}, ${to}, 10000)`;

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier] = await loginAs(t, ours, 'hq_admin', 'cashier');
  fee = (await t.as(hq)('POST', '/api/billing/fee-items', item('WYF', 'property_fee'))).json().id;
  water = (await t.as(hq)('POST', '/api/billing/fee-items', item('SF', 'water'))).json().id;
  const g = await t.as(hq)('POST', `/api/projects/${ours.projectA}/buildings/generate`, { code: '1', name: '1号楼', units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: '89.5' }, { buildingArea: '100' }] });
  [roomA, roomA2] = (await t.as(hq)('GET', `/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id);
  const gb = await t.as(hq)('POST', `/api/projects/${ours.projectB}/buildings/generate`, { code: '9', name: '9号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
  roomB = (await t.as(hq)('GET', `/api/rooms?buildingId=${gb.json().buildingId}`)).json().items[0].id;
});
afterAll(async () => t?.close());

describe('bills: no overlap, enforced by the database', () => {
  it('refuses an overlapping live periodic bill of the same room and fee item, allows it once voided or for another item', async () => {
    await exec(periodic(roomA, fee, '2026-01-01', '2026-03-31'));
    const clash = await refusal(periodic(roomA, fee, '2026-03-01', '2026-03-31'));
    expect(clash.code).toBe('23P01');
    expect(clash.message).toContain('bills_no_overlap');
    // the last day is inclusive: a quarter starting on it overlaps, the next day does not
    expect((await refusal(periodic(roomA, fee, '2026-03-31', '2026-06-30'))).code).toBe('23P01');
    await exec(periodic(roomA, fee, '2026-04-01', '2026-06-30'));
    await exec(periodic(roomA, water, '2026-03-01', '2026-03-31'));
    await exec(periodic(roomA2, fee, '2026-03-01', '2026-03-31'));

    await exec(sql`update bills set status = 'void', void_reason = 'test' where company_id = ${ours.companyId} and room_id = ${roomA} and fee_item_id = ${fee} and period_from = '2026-01-01'`);
    await exec(periodic(roomA, fee, '2026-03-01', '2026-03-31'));
  });

  it('INSERT … ON CONFLICT DO NOTHING skips the overlapping row (how bill runs stay idempotent)', async () => {
    const q = (from: string, to: string) => sql`${periodic(roomA2, water, from, to)} on conflict do nothing`;
    expect(affected(await exec(q('2026-05-01', '2026-05-31')))).toBe(1);
    expect(affected(await exec(q('2026-05-15', '2026-06-15')))).toBe(0);
    const [n] = await rows(sql`select count(*)::int as n from bills where company_id = ${ours.companyId} and room_id = ${roomA2} and fee_item_id = ${water}`);
    expect(Number(n.n)).toBe(1);
  });

  it('lets one-off bills share dates (only periodic bills are exclusive)', async () => {
    for (let i = 0; i < 2; i++) {
      await exec(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
        values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${roomA2}, ${fee}, 'one_off', '2026-05-02', '2026-05-02', '2026-05-02', 500)`);
    }
  });
});

describe('ledger: append-only', () => {
  it('refuses UPDATE and DELETE of a posted entry', async () => {
    const [e] = await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, kind, account, amount_fen, entry_date)
      values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${roomA2}, 'opening_balance', 'receivable', 1234, '2026-01-01') returning id`);
    const upd = await refusal(sql`update ledger_entries set amount_fen = 1 where id = ${e.id}`);
    expect(upd.message).toMatch(/append-only: UPDATE refused/);
    const del = await refusal(sql`delete from ledger_entries where id = ${e.id}`);
    expect(del.message).toMatch(/append-only: DELETE refused/);
    const [row] = await rows(sql`select amount_fen from ledger_entries where id = ${e.id}`);
    expect(Number(row.amount_fen)).toBe(1234);
  });
});

describe('one-off charges', () => {
  it('bills the room, posts a charge and shows both with a running receivable balance', async () => {
    const res = await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomA, feeItemId: fee, amountFen: 12_345, dueDate: '2099-12-31', description: '更换门禁卡' });
    expect(res.statusCode).toBe(200);
    const bill = res.json();
    expect(bill).toMatchObject({ kind: 'one_off', status: 'live', principalFen: 12_345, runId: null, roomId: roomA, feeItemName: 'WYF' });
    expect(bill.periodFrom).toBe(bill.periodTo);
    expect(bill.lines).toEqual([expect.objectContaining({ seq: 1, amountFen: 12_345, description: '更换门禁卡', quantity: '1', unitPrice: null })]);
    await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomA, feeItemId: water, amountFen: 655, dueDate: '2099-12-31', description: '水表维修' });

    const list = (await t.as(cashier)('GET', `/api/rooms/${roomA}/bills`)).json();
    expect(list.find((b: any) => b.id === bill.id).lines).toHaveLength(1);
    const ledger = await t.as(cashier)('GET', `/api/rooms/${roomA}/ledger`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json().map((e: any) => [e.kind, e.amountFen, e.receivableBalanceFen])).toEqual([['charge', 12_345, 12_345], ['charge', 655, 13_000]]);
    const [audit] = await rows(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'billing.one_off_charged'`);
    expect(Number(audit.n)).toBe(2);
  });

  it('refuses a zero amount (400 on the field), another project\'s room (404), an archived item (409)', async () => {
    const zero = await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomA, feeItemId: fee, amountFen: 0, dueDate: '2099-12-31', description: 'x' });
    expect(zero.statusCode).toBe(400);
    expect(JSON.stringify(zero.json().error.details)).toContain('amountFen');
    const both = await t.as(cashier)('POST', '/api/billing/one-off-charges', { feeItemId: fee, amountFen: 1, dueDate: '2099-12-31', description: 'x' });
    expect(both.statusCode).toBe(400);
    const foreign = await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomB, feeItemId: fee, amountFen: 100, dueDate: '2099-12-31', description: 'x' });
    expect(foreign.statusCode).toBe(404);
    expect((await t.as(cashier)('GET', `/api/rooms/${roomB}/ledger`)).statusCode).toBe(404);
    const archived = (await t.as(hq)('POST', '/api/billing/fee-items', item('OLD', 'other'))).json();
    await t.as(hq)('PATCH', `/api/billing/fee-items/${archived.id}`, { version: archived.version, status: 'archived' });
    const old = await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomA, feeItemId: archived.id, amountFen: 100, dueDate: '2099-12-31', description: 'x' });
    expect(old.statusCode).toBe(409);
    const [n] = await rows(sql`select count(*)::int as n from ledger_entries where company_id = ${ours.companyId} and room_id in (${roomA}, ${roomB})`);
    expect(Number(n.n)).toBe(2);
  });
});
