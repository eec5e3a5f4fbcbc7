import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { AppError } from '../../lib/errors.ts';
import { moneyError } from './held-balances.ts';
import { feeItemBody, kit } from './prepaid-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let cashier: string;
let fee: string;
let water: string;
let depositItem: string;
let theirFee: string;
let rooms: string[];
let roomB: string;
const k = kit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, cashier] = await loginAs(t, ours, 'hq_admin', 'cashier');
  fee = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('WYF'))).json().id;
  water = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('SF', { feeCategory: 'water' }))).json().id;
  depositItem = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('ZXYJ', { category: 'deposit', feeCategory: 'other' }))).json().id;
  const theirHq = await login(t, theirs.users.hq_admin!.phone);
  theirFee = (await k.as(theirHq)('POST', '/api/billing/fee-items', feeItemBody('WYF'))).json().id;
  const g = await k.as(hq)('POST', `/api/projects/${ours.projectA}/buildings/generate`, { code: '1', name: '1号楼', units: 1, floors: 1, roomsPerFloor: 3, areas: [{ buildingArea: '90' }, { buildingArea: '90' }, { buildingArea: '90' }] });
  rooms = (await k.as(hq)('GET', `/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id);
  const gb = await k.as(hq)('POST', `/api/projects/${ours.projectB}/buildings/generate`, { code: '9', name: '9号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
  roomB = (await k.as(hq)('GET', `/api/rooms?buildingId=${gb.json().buildingId}`)).json().items[0].id;
});
afterAll(async () => t?.close());

describe('prepaid at the counter', () => {
  it('credits the general balance and an earmark, each with its entry; balances equal Σ entries after every step', async () => {
    const room = rooms[0]!;
    const a = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 10_000, note: '现金预存' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ balanceFen: 10_000, accounts: { prepaid: { totalFen: 10_000 } } });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    // a second general deposit lands on the same row (NULLS NOT DISTINCT upsert)
    await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 2_345 });
    const e = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 3_000, feeItemId: water, note: '水费专款' });
    expect(e.json().balanceFen).toBe(3_000);
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 12_345, [`prepaid:${water}`]: 3_000 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);

    const view = (await k.as(cashier)('GET', `/api/rooms/${room}/accounts`)).json();
    expect(view.prepaid).toEqual({ totalFen: 15_345, balances: [{ feeItemId: null, feeItemName: null, balanceFen: 12_345 }, { feeItemId: water, feeItemName: 'SF', balanceFen: 3_000 }] });
    expect(view.movements.map((m: any) => [m.kind, m.account, m.amountFen, m.feeItemId])).toEqual([
      ['prepay_deposit', 'prepaid', 3_000, water], ['prepay_deposit', 'prepaid', 2_345, null], ['prepay_deposit', 'prepaid', 10_000, null],
    ]);
    const [audit] = await k.rows(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'billing.prepaid_deposited'`);
    expect(Number(audit.n)).toBe(3);
  });

  it('refunds from the named balance, and refuses more than it holds with 409 余额不足 (nothing written)', async () => {
    const room = rooms[0]!;
    const over = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/refund`, { amountFen: 3_001, feeItemId: water, reason: '退款' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('余额不足');
    expect(over.json().error.details).toEqual([{ path: 'body.amountFen', message: 'insufficient_balance', availableFen: 3_000 }]);
    const ok = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/refund`, { amountFen: 2_345, reason: '业主申请退款' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().balanceFen).toBe(10_000);
    const [e] = await k.rows(sql`select kind, account, amount_fen, note from ledger_entries where id = ${ok.json().entryId}`);
    expect(e).toMatchObject({ kind: 'refund', account: 'prepaid', note: '业主申请退款' });
    expect(Number(e.amount_fen)).toBe(-2_345);
    // an earmark with no row at all is an empty balance, not an error of another kind
    const none = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/refund`, { amountFen: 1, feeItemId: fee, reason: 'x' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details[0].availableFen).toBe(0);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });

  it('refuses zero, negative and fractional amounts, another company\'s or a deposit fee item as earmark (400 on the field)', async () => {
    const room = rooms[1]!;
    for (const amountFen of [0, -100, 1.5, '100']) {
      const r = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen });
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json().error.details)).toContain('amountFen');
    }
    const foreign = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 100, feeItemId: theirFee });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'body.feeItemId', message: 'not_found' }]);
    const dep = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 100, feeItemId: depositItem });
    expect(dep.statusCode).toBe(400);
    expect(dep.json().error.details).toEqual([{ path: 'body.feeItemId', message: 'deposit_item' }]);
    const [n] = await k.rows(sql`select count(*)::int as n from ledger_entries where room_id = ${room}`);
    expect(Number(n.n)).toBe(0);
  });
});

describe('the database\'s last word', () => {
  it('refuses a balance below zero whatever the code does (CHECK), and a money movement turns it into 409 余额不足', async () => {
    const room = rooms[0]!;
    let refused: unknown;
    try { await k.exec(sql`update account_balances set balance_fen = balance_fen - 1000000 where room_id = ${room}`); } catch (e) { refused = e; }
    const mapped = moneyError(refused) as AppError;
    expect(mapped).toBeInstanceOf(AppError);
    expect([mapped.status, mapped.message]).toEqual([409, '预存余额不足：可用 0.00 元']);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });
});

describe('deposits (押金)', () => {
  it('holds a deposit on a deposit fee item, refunds at most what is held', async () => {
    const room = rooms[1]!;
    const wrong = await k.as(cashier)('POST', `/api/rooms/${room}/deposits`, { feeItemId: fee, amountFen: 100_000 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'body.feeItemId', message: 'not_deposit_item' }]);
    const held = await k.as(cashier)('POST', `/api/rooms/${room}/deposits`, { feeItemId: depositItem, amountFen: 200_000, note: '装修押金' });
    expect(held.statusCode).toBe(200);
    expect(held.json().accounts.deposits).toEqual({ totalFen: 200_000, balances: [{ feeItemId: depositItem, feeItemName: 'ZXYJ', balanceFen: 200_000 }] });
    const [e] = await k.rows(sql`select kind, account, amount_fen, fee_item_id from ledger_entries where id = ${held.json().entryId}`);
    expect(e).toMatchObject({ kind: 'payment', account: 'deposit', fee_item_id: depositItem });

    const over = await k.as(cashier)('POST', `/api/rooms/${room}/deposits/refund`, { feeItemId: depositItem, amountFen: 200_001, reason: '装修验收合格' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('押金余额不足');
    const part = await k.as(cashier)('POST', `/api/rooms/${room}/deposits/refund`, { feeItemId: depositItem, amountFen: 150_000, reason: '装修验收合格' });
    expect(part.json()).toMatchObject({ balanceFen: 50_000 });
    expect((await k.as(cashier)('POST', `/api/rooms/${room}/deposits/refund`, { feeItemId: depositItem, amountFen: 50_000, reason: '扣除损坏后退还' })).json().balanceFen).toBe(0);
    expect((await k.as(cashier)('POST', `/api/rooms/${room}/deposits/refund`, { feeItemId: depositItem, amountFen: 1, reason: 'x' })).statusCode).toBe(409);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    const acts = await k.rows(sql`select action from audit_log where company_id = ${ours.companyId} and action like 'billing.deposit%' order by created_at`);
    expect(acts.map((a) => a.action)).toEqual(['billing.deposit_held', 'billing.deposit_refunded', 'billing.deposit_refunded']);
  });
});

describe('scope', () => {
  it('another project\'s room and another company\'s room are 404 for project staff, on reads and writes', async () => {
    expect((await k.as(cashier)('GET', `/api/rooms/${roomB}/accounts`)).statusCode).toBe(404);
    expect((await k.as(cashier)('POST', `/api/rooms/${roomB}/prepaid`, { amountFen: 100 })).statusCode).toBe(404);
    expect((await k.as(cashier)('POST', `/api/rooms/${roomB}/deposits`, { feeItemId: depositItem, amountFen: 100 })).statusCode).toBe(404);
    expect((await k.as(cashier)('POST', `/api/rooms/${roomB}/prepaid/deduct`, {})).statusCode).toBe(404);
    const theirHq = await login(t, theirs.users.hq_admin!.phone);
    expect((await k.as(theirHq)('GET', `/api/rooms/${rooms[0]}/accounts`)).statusCode).toBe(404);
    expect((await k.as(hq)('GET', `/api/rooms/${roomB}/accounts`)).statusCode).toBe(200);
    const cs = await login(t, ours.users.technician!.phone);
    expect((await k.as(cs)('GET', `/api/rooms/${rooms[0]}/accounts`)).statusCode).toBe(403);
  });
});

describe.skipIf(!onPostgres)('concurrency (PostgreSQL)', () => {
  it('20 concurrent refunds of one balance: exactly what it holds goes out, never below zero', async () => {
    const room = rooms[2]!;
    await k.as(cashier)('POST', `/api/rooms/${room}/prepaid`, { amountFen: 1_000 });
    const res = await Promise.all(Array.from({ length: 20 }, () => k.as(cashier)('POST', `/api/rooms/${room}/prepaid/refund`, { amountFen: 100, reason: '并发' })));
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(10);
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 0 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });
});
