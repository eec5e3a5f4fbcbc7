import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { identityViolations } from '../billing/test-bills.ts';
import { today } from '../billing/late-fees.service.ts';
import { day, month, paymentsKit } from './payments-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let pm: string;
let fee: string;
let lateItem: string;
let rooms: string[];
let roomB: string;
const k = paymentsKit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier, pm] = await loginAs(t, ours, 'hq_admin', 'cashier', 'project_manager');
  fee = await k.feeItem(hq, 'WYF');
  lateItem = await k.feeItem(hq, 'LF', { lateFee: { dailyRatePpm: 1000, graceDays: 0, capBp: null } });
  rooms = await k.rooms(hq, ours.projectA, '1', 6);
  [roomB] = await k.rooms(hq, ours.projectB, '9', 1, 50);
});
afterAll(async () => t?.close());

const bill = (roomId: string, feeItemId: string, m: number, principalFen: number, due = day(-10)) =>
  k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId, month: month(m), due, principalFen });
const pay = (cookie: string, body: object, key?: string) => t.app.inject({
  method: 'POST', url: '/api/payments', headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: body as any,
});

describe('cashier counter', () => {
  it('finds the room, shows bills oldest first with today\'s late fee, and a cash payment pays them with change and a receipt', async () => {
    const room = rooms[0]!;
    const old = await bill(room, lateItem, -3, 10_000, day(-20));
    const mid = await bill(room, fee, -2, 8_000, day(-5));
    const young = await bill(room, fee, -1, 6_000, day(5));
    const hits = (await k.as(cashier)('GET', `/api/payments/counter/rooms?q=1-1`)).json().items;
    expect(hits.map((h: any) => h.roomId)).toContain(room);
    const view = (await k.as(cashier)('GET', `/api/payments/counter/rooms/${room}`)).json();
    expect(view.bills.map((b: any) => b.billId)).toEqual([old, mid, young]);
    // 0.1 % a day over 20 days on 100 元 = 2.00 元, not posted yet
    expect(view.bills[0]).toMatchObject({ principalOutstandingFen: 10_000, lateFeeFen: 200, totalDueFen: 10_200, overdue: true });
    expect(view.bills[2].overdue).toBe(false);
    expect(view.totalDueFen).toBe(24_200);

    // 150 元 reaches the first bill and part of the second; the preview says exactly what the POST does
    const body = { roomId: room, channel: 'cash', amountFen: 15_000, tenderedFen: 20_000, payerName: '张三' };
    const preview = (await k.as(cashier)('POST', '/api/payments/counter/preview', body)).json();
    expect(preview).toMatchObject({ billsFen: 15_000, prepaidFen: 0, changeFen: 5_000 });
    expect(preview.allocations.map((a: any) => [a.billId, a.principalFen, a.lateFeeFen])).toEqual([[old, 10_000, 200], [mid, 4_800, 0]]);
    const res = await pay(cashier, body);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ amountFen: 15_000, billsFen: 15_000, prepaidFen: 0, tenderedFen: 20_000, changeFen: 5_000, status: 'posted', businessDate: today() });
    expect(p.receipt.number).toMatch(/^SJ-.+-\d{4}-000001$/);
    expect(p.allocations.map((a: any) => [a.billId, a.component, a.amountFen])).toEqual([[old, 'principal', 10_000], [old, 'late_fee', 200], [mid, 'principal', 4_800]]);
    expect(await k.outstanding(old)).toEqual({ principal: 0, lateFee: 0 });
    expect(await k.outstanding(mid)).toEqual({ principal: 3_200, lateFee: 0 });
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
    const [entries] = await k.rows(sql`select count(*)::int as n, sum(amount_fen)::bigint as fen from ledger_entries where payment_id = ${p.id}`);
    expect([entries.n, Number(entries.fen)]).toEqual([3, -15_000]);

    // the receipt prints; the second print is a copy
    const pdf = await k.as(cashier)('GET', `/api/payments/${p.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const again = await k.as(cashier)('GET', `/api/payments/${p.id}/receipt.pdf`);
    expect(decodeURIComponent(String(again.headers['content-disposition']))).toContain('副本');
  });

  it('selected bills, the remainder into prepaid only when asked, and the bad inputs', async () => {
    const room = rooms[1]!;
    const a = await bill(room, fee, -2, 5_000);
    const b = await bill(room, fee, -1, 5_000);
    const over = await pay(cashier, { roomId: room, channel: 'transfer', amountFen: 6_000, billIds: [b] });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({ path: 'body.amountFen', message: 'exceeds_outstanding', maxFen: 5_000 });
    const ok = await pay(cashier, { roomId: room, channel: 'transfer', amountFen: 6_000, billIds: [b], prepayRemainder: true, reference: 'BANK-1' });
    expect(ok.json()).toMatchObject({ billsFen: 5_000, prepaidFen: 1_000, changeFen: null });
    expect(await k.outstanding(a)).toEqual({ principal: 5_000, lateFee: 0 });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 1_000 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    // a paid bill, zero, negative, tendered short, tendered on a transfer, a bill of another room, another project's room
    expect((await pay(cashier, { roomId: room, channel: 'cash', amountFen: 100, billIds: [b] })).json().error.details[0].message).toBe('bill_paid');
    expect((await pay(cashier, { roomId: room, channel: 'cash', amountFen: 0 })).statusCode).toBe(400);
    expect((await pay(cashier, { roomId: room, channel: 'cash', amountFen: -5 })).statusCode).toBe(400);
    expect((await pay(cashier, { roomId: room, channel: 'cash', amountFen: 100, tenderedFen: 50 })).json().error.details[0]).toMatchObject({ path: 'body.tenderedFen', message: 'less_than_amount' });
    expect((await pay(cashier, { roomId: room, channel: 'pos', amountFen: 100, tenderedFen: 500 })).json().error.details[0].message).toBe('cash_only');
    const other = await bill(rooms[2]!, fee, -1, 100);
    expect((await pay(cashier, { roomId: room, channel: 'cash', amountFen: 100, billIds: [other] })).json().error.details[0]).toMatchObject({ path: 'body.billIds.0', message: 'not_found' });
    expect((await pay(cashier, { roomId: roomB, channel: 'cash', amountFen: 100, prepayRemainder: true })).statusCode).toBe(404);
    const [n] = await k.rows(sql`select count(*)::int as n from payments where room_id = ${room}`);
    expect(n.n).toBe(1);
    // a counter 预存 with its receipt: no bills at all
    const prepay = await pay(cashier, { roomId: room, channel: 'cash', amountFen: 2_000, billIds: [], prepayRemainder: true });
    expect(prepay.json()).toMatchObject({ billsFen: 0, prepaidFen: 2_000, allocations: [] });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 3_000 });
  });

  it('the billing counter POSTs (prepaid, deposits) honour Idempotency-Key too', async () => {
    const room = rooms[2]!;
    const post = () => t.app.inject({ method: 'POST', url: `/api/rooms/${room}/prepaid`, headers: { cookie: cashier, 'idempotency-key': 'prepaid-key-01' }, payload: { amountFen: 500 } });
    const [a, b] = [await post(), await post()];
    expect(b.json()).toEqual(a.json());
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 500 });
  });

  it('voids a same-day payment: reversals, prepaid taken back, the receipt keeps its number marked void', async () => {
    const room = rooms[3]!;
    const b = await bill(room, fee, -1, 3_000);
    const p = (await pay(cashier, { roomId: room, channel: 'cash', amountFen: 4_000, prepayRemainder: true })).json();
    expect((await k.as(cashier)('POST', `/api/payments/${p.id}/void`, { reason: '收错房间', version: 1 })).statusCode).toBe(403);
    expect((await k.as(pm)('POST', `/api/payments/${p.id}/void`, { reason: '收错房间', version: 9 })).statusCode).toBe(409);
    const v = await k.as(pm)('POST', `/api/payments/${p.id}/void`, { reason: '收错房间', version: 1 });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ status: 'voided', voidReason: '收错房间', receipt: { number: p.receipt.number, status: 'voided' } });
    expect(await k.outstanding(b)).toEqual({ principal: 3_000, lateFee: 0 });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 0 });
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    expect((await k.as(pm)('POST', `/api/payments/${p.id}/void`, { reason: '再来', version: 2 })).json().error.details[0].message).toBe('already_voided');
    // yesterday's payment cannot be voided
    const q = (await pay(cashier, { roomId: room, channel: 'cash', amountFen: 3_000 })).json();
    await k.exec(sql`update payments set business_date = business_date - 1 where id = ${q.id}`);
    expect((await k.as(pm)('POST', `/api/payments/${q.id}/void`, { reason: '晚了', version: 1 })).json().error.details[0].message).toBe('not_same_day');
    const list = (await k.as(cashier)('GET', `/api/payments?roomId=${room}`)).json();
    expect(list.items.map((i: any) => i.status)).toEqual(['posted', 'voided']);
    expect((await k.as(cashier)('GET', `/api/payments?q=${p.receipt.number}`)).json().items.map((i: any) => i.id)).toEqual([p.id]);
  });

  it('receipt numbers stay gap-free when payments fail in the middle', async () => {
    const room = rooms[4]!;
    await bill(room, fee, -1, 1_000);
    // a failure injected after the number is drawn: the receipt insert itself fails for payer 'FAIL'
    await k.exec(sql.raw(`create or replace function test_fail_receipt() returns trigger language plpgsql as $$
      begin if exists (select 1 from payments where id = new.payment_id and payer_name = 'FAIL') then raise exception 'injected failure'; end if; return new; end $$`));
    await k.exec(sql.raw(`create trigger test_fail_receipt after insert on receipts for each row execute function test_fail_receipt()`));
    const numbers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await pay(cashier, { roomId: room, channel: 'cash', amountFen: 100, prepayRemainder: true, payerName: i % 2 ? 'FAIL' : '李四' });
      if (i % 2) expect(res.statusCode).toBeGreaterThanOrEqual(500);
      else numbers.push(res.json().receipt.number);
    }
    await k.exec(sql.raw(`drop trigger test_fail_receipt on receipts`));
    expect(numbers.map((n) => Number(n.slice(-6)))).toEqual([2, 3, 4].map((x) => x + (Number(numbers[0]!.slice(-6)) - 2)));
    const [failed] = await k.rows(sql`select count(*)::int as n from payments where payer_name = 'FAIL'`);
    expect(failed.n).toBe(0);
    const seqs = (await k.rows(sql`select seq from receipts where project_id = ${ours.projectA} order by seq`)).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it.runIf(onPostgres)('50 concurrent identical requests with one Idempotency-Key post once and all answer the first response', async () => {
    const room = rooms[5]!;
    await bill(room, fee, -1, 2_000);
    const body = { roomId: room, channel: 'cash', amountFen: 2_000 };
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(cashier, body, 'counter-key-0001')));
    const ok = answers.filter((a) => a.statusCode === 200);
    const busy = answers.filter((a) => a.statusCode === 409);
    expect(ok.length + busy.length).toBe(50);
    expect(new Set(ok.map((a) => a.json().id)).size).toBe(1);
    for (const b of busy) expect(b.headers['retry-after']).toBe('1');
    const retried = await pay(cashier, body, 'counter-key-0001');
    expect(retried.json().id).toBe(ok[0]!.json().id);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    const [n] = await k.rows(sql`select count(*)::int as n from payments where room_id = ${room}`);
    expect(n.n).toBe(1);
    expect((await pay(cashier, { ...body, amountFen: 1_999 }, 'counter-key-0001')).statusCode).toBe(422);
  });
});
