import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { readXlsxBook } from '../../../test/xlsx.ts';
import { businessNow } from '../../lib/time.ts';
import { month, paymentsKit } from './payments-test-kit.ts';

/**
 * The finance reports over money posted through the real counter (POST /api/payments, its void,
 * a prepaid deposit): the daily report, the day's voucher and the hand-over agree with the
 * payments and the ledger they wrote.
 */
let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let pm: string;
let fee: string;
let rooms: string[];
const k = paymentsKit(() => t);
const today = () => businessNow().format('YYYY-MM-DD');

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier, pm] = await loginAs(t, ours, 'hq_admin', 'cashier', 'project_manager');
  fee = await k.feeItem(hq, 'WYF');
  rooms = await k.rooms(hq, ours.projectA, '1', 2);
});
afterAll(async () => t?.close());

const pay = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/payments', headers: { cookie }, payload: body as any });

describe('finance reports over counter payments', () => {
  it('daily report, voucher and hand-over agree with the payments and their entries', async () => {
    const due = businessNow().subtract(5, 'day').format('YYYY-MM-DD');
    const bill = (roomId: string, m: number, fen: number) => k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId: fee, month: month(m), due, principalFen: fen });
    await bill(rooms[0]!, -2, 20_000);
    await bill(rooms[0]!, -1, 20_000);
    await bill(rooms[1]!, -1, 15_000);

    const p1 = await pay(cashier, { roomId: rooms[0], channel: 'cash', amountFen: 50_000, tenderedFen: 50_000, prepayRemainder: true });
    expect(p1.statusCode, p1.body).toBeLessThan(300);
    const p2 = await pay(cashier, { roomId: rooms[1], channel: 'pos', amountFen: 10_000, reference: 'POS-1' });
    expect(p2.statusCode, p2.body).toBeLessThan(300);
    const p3 = await pay(cashier, { roomId: rooms[1], channel: 'cash', amountFen: 5_000 });
    expect(p3.statusCode, p3.body).toBeLessThan(300);
    const v = await t.app.inject({ method: 'POST', url: `/api/payments/${p3.json().id}/void`, headers: { cookie: pm }, payload: { reason: '收错房间', version: p3.json().version } });
    expect(v.statusCode, v.body).toBe(200);

    // the daily report against the payments table
    const day = today();
    const r = (await k.as(pm)('GET', `/api/payments/reports/daily?projectId=${ours.projectA}&date=${day}`)).json();
    const [sums] = await k.rows(sql`select count(*)::int as n, sum(amount_fen)::bigint as fen, sum(amount_fen) filter (where status = 'voided')::bigint as vfen,
      sum(prepaid_fen) filter (where status = 'posted')::bigint as prepaid from payments where company_id = ${ours.companyId} and business_date = ${day}`);
    expect(r.collected).toEqual({ count: Number(sums.n), amountFen: Number(sums.fen) });
    expect(r.voids.amountFen).toBe(Number(sums.vfen));
    expect(r.collected.amountFen).toBe(65_000);
    expect(r.netFen).toBe(60_000);
    expect(r.byChannel.find((c: any) => c.channel === 'cash').amountFen).toBe(50_000);
    expect(r.byChannel.find((c: any) => c.channel === 'pos').amountFen).toBe(10_000);
    const fees = r.byFeeItem.filter((x: any) => x.kind === 'bill').reduce((s: number, x: any) => s + x.amountFen, 0);
    const prepaid = r.byFeeItem.filter((x: any) => x.kind === 'prepaid').reduce((s: number, x: any) => s + x.amountFen, 0);
    expect(prepaid).toBe(Number(sums.prepaid));
    expect(fees + prepaid).toBe(60_000);

    // today's voucher: balanced, and each account equals the ledger's entries of today
    const res = await t.app.inject({ method: 'GET', url: `/api/payments/vouchers/export?projectId=${ours.projectA}&date=${day}`, headers: { cookie: hq } });
    expect(res.statusCode, res.body).toBe(200);
    const [, ...rows] = (await readXlsxBook(res.rawPayload))['凭证']!;
    const fen = (s: string) => Math.round(Number(s) * 100);
    const net: Record<string, number> = {};
    for (const x of rows) net[x[4]!] = (net[x[4]!] ?? 0) + fen(x[6]!) - fen(x[7]!);
    expect(rows.reduce((s, x) => s + fen(x[6]!), 0)).toBe(rows.reduce((s, x) => s + fen(x[7]!), 0));
    const [led] = await k.rows(sql`select coalesce(sum(amount_fen) filter (where account = 'receivable'), 0)::bigint as rec,
      coalesce(sum(amount_fen) filter (where account = 'prepaid'), 0)::bigint as pre
      from ledger_entries where company_id = ${ours.companyId} and project_id = ${ours.projectA} and entry_date = ${day}`);
    expect(net['1122'] ?? 0).toBe(Number(led.rec));
    expect(net['2203'] ?? 0).toBe(-Number(led.pre));
    expect(net['1001']).toBe(50_000);
    expect(net['1002']).toBe(10_000);

    // the cashier's hand-over: cash taken 55,000, 5,000 of it voided
    const preview = (await k.as(cashier)('GET', `/api/payments/shifts/preview?projectId=${ours.projectA}`)).json();
    expect(preview.totals).toMatchObject({ count: 3, amountFen: 65_000, voidsCount: 1, voidsFen: 5_000, expectedCashFen: 50_000 });
    const s = await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectA, cashCountedFen: 50_000 });
    expect(s.json()).toMatchObject({ cashDifferenceFen: 0, totals: preview.totals });
  });
});
