import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { readXlsxBook } from '../../../test/xlsx.ts';
import { ledgerPeriods } from '../billing/balances.table.ts';
import { financeKit } from './finance-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let pm: string;
let cashier: string;
let theirHq: string;
const k = financeKit(() => t);
const D1 = '2026-10-15';
const D2 = '2026-10-20';

/** the voucher sheet as objects, amounts in 分 */
async function sheet(data: Buffer) {
  const book = await readXlsxBook(data);
  const [head, ...rows] = book['凭证']!;
  expect(head).toEqual(['凭证日期', '凭证字', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '辅助核算', '关账状态']);
  const fen = (s: string) => Math.round(Number(s) * 100);
  return {
    info: book['说明']!,
    lines: rows.map((r) => ({ date: r[0]!, word: r[1]!, no: Number(r[2]), summary: r[3]!, code: r[4]!, name: r[5]!, debit: fen(r[6]!), credit: fen(r[7]!), aux: r[8]!, closed: r[9]! })),
  };
}
type Line = Awaited<ReturnType<typeof sheet>>['lines'][number];
/** debit − credit per account code */
const net = (lines: Line[]) => {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.code] = (out[l.code] ?? 0) + l.debit - l.credit;
  return out;
};
const balanced = (lines: Line[]) => {
  const per = new Map<number, number>();
  for (const l of lines) per.set(l.no, (per.get(l.no) ?? 0) + l.debit - l.credit);
  return [...per.entries()].filter(([, v]) => v !== 0);
};
const exportOf = (cookie: string, qs: string) => t.app.inject({ method: 'GET', url: `/api/payments/vouchers/export?${qs}`, headers: { cookie } });

let roomA: string;
let feeA: string;
let adFee: string;

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  theirHq = await login(t, theirs.users.hq_admin!.phone);
  roomA = await k.room(ours.companyId, ours.projectA);
  feeA = await k.feeItem(ours.companyId, '物业费');
  adFee = await k.feeItem(ours.companyId, '广告位', true);
  const c = { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA };
  const cf = { ...c, feeItemId: feeA };
  // day 1: charges, a late fee, a waiver, a cash payment with a prepaid remainder, an online payment of the 公共收益 item,
  // a transfer voided the same day, a prepaid deduction, a cash prepaid refund, an online partial refund, a deposit in and out
  const bill1 = await k.bill(c, feeA, 10_000, D1);
  const bill2 = await k.bill(c, adFee, 5_000, D1);
  await k.entry(c, { feeItemId: feeA, billId: bill1, kind: 'late_fee', account: 'receivable', component: 'late_fee', amountFen: 200, entryDate: D1 });
  await k.entry(c, { feeItemId: feeA, billId: bill1, kind: 'waiver', account: 'receivable', amountFen: -300, entryDate: D1 });
  await k.pay(cf, { day: D1, channel: 'cash', parts: [{ billId: bill1, amountFen: 6_000 }, { billId: bill1, component: 'late_fee', amountFen: 200 }], prepaidFen: 1_000 });
  const online = await k.pay({ ...c, feeItemId: adFee }, { day: D1, channel: 'online', provider: 'sandbox', txn: 'V-ONLINE-1', parts: [{ billId: bill2, amountFen: 5_000 }] });
  const transfer = await k.pay(cf, { day: D1, channel: 'transfer', parts: [{ billId: bill1, amountFen: 3_700 }] });
  await k.voidPayment(c, transfer.id, D1);
  await k.entry(c, { feeItemId: feeA, billId: bill1, kind: 'prepay_deduction', account: 'receivable', amountFen: -500, entryDate: D1 });
  await k.entry(c, { kind: 'prepay_deduction', account: 'prepaid', amountFen: -500, entryDate: D1 });
  const r1 = await k.refund(c, { amountFen: 200, channel: 'cash', source: 'prepaid' });
  await k.entry(c, { kind: 'refund', account: 'prepaid', amountFen: -200, entryDate: D1, refundId: r1.id });
  const r2 = await k.refund(c, { paymentId: online.id, amountFen: 1_000, channel: 'original' });
  await k.entry(c, { feeItemId: adFee, billId: bill2, kind: 'reversal', account: 'receivable', amountFen: 1_000, reverses: online.entries[0]!, entryDate: D1, refundId: r2.id, paymentId: online.id });
  await k.entry(c, { feeItemId: adFee, kind: 'payment', account: 'deposit', amountFen: 3_000, entryDate: D1 });
  const r3 = await k.refund(c, { amountFen: 1_000, channel: 'transfer', source: 'deposit' });
  await k.entry(c, { feeItemId: adFee, kind: 'refund', account: 'deposit', amountFen: -1_000, entryDate: D1, refundId: r3.id });
  // migrated 期初: the legacy books', never in a voucher
  await k.entry(c, { feeItemId: feeA, kind: 'opening_balance', account: 'receivable', amountFen: 9_999, entryDate: D1, migrated: true });
  // day 2: another cash payment
  const bill3 = await k.bill(c, feeA, 4_000, D2);
  await k.pay(cf, { day: D2, channel: 'pos', parts: [{ billId: bill3, amountFen: 4_000 }] });
  // project B of ours has entries in October too (and stays open); the other company as well
  const roomB = await k.room(ours.companyId, ours.projectB);
  await k.bill({ companyId: ours.companyId, projectId: ours.projectB, roomId: roomB }, feeA, 777, D1);
  const theirRoom = await k.room(theirs.companyId, theirs.projectA);
  await k.bill({ companyId: theirs.companyId, projectId: theirs.projectA, roomId: theirRoom }, await k.feeItem(theirs.companyId, '物业费'), 888, D1);
});
afterAll(async () => t?.close());

describe('accounting voucher export', () => {
  it('a day of an open month: provisional, balanced per voucher, every account equal to its ledger sum', async () => {
    const res = await exportOf(hq, `projectId=${ours.projectA}&date=${D1}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('未关账');
    const { lines, info } = await sheet(res.rawPayload);
    expect(balanced(lines)).toEqual([]);
    expect(new Set(lines.map((l) => l.no))).toEqual(new Set([1]));
    expect(new Set(lines.map((l) => l.closed))).toEqual(new Set(['未关账']));
    expect(new Set(lines.map((l) => l.word))).toEqual(new Set(['记']));
    expect(lines.every((l) => l.date === D1 && l.aux.startsWith('项目:项目A;收费项目:'))).toBe(true);
    expect(lines.every((l) => (l.debit > 0) !== (l.credit > 0))).toBe(true);
    expect(info.some((r) => r[1]?.includes('未关账'))).toBe(true);

    // against the ledger, account by account (debit − credit)
    const [sums] = await k.rows(sql`select
        coalesce(sum(amount_fen) filter (where account = 'receivable'), 0)::bigint as receivable,
        coalesce(sum(amount_fen) filter (where account = 'prepaid'), 0)::bigint as prepaid,
        coalesce(sum(amount_fen) filter (where account = 'deposit'), 0)::bigint as deposit
      from ledger_entries where company_id = ${ours.companyId} and project_id = ${ours.projectA} and entry_date = ${D1} and not migrated`);
    const n = net(lines);
    expect(n['1122']).toBe(Number(sums.receivable));
    expect(n['2203']).toBe(-Number(sums.prepaid));
    expect(n['224101']).toBe(-Number(sums.deposit));
    expect(n['6001']).toBe(-(10_000 + 200 - 300)); // 物业费 charged + late fee − waiver
    expect(n['224102']).toBe(-5_000); // 广告位 is 公共收益
    expect(n['1001']).toBe(6_000 + 200 + 1_000 + 3_000 - 200); // cash in: payment, prepaid remainder, deposit; out: prepaid refund
    expect(n['1002']).toBe(3_700 - 3_700 - 1_000); // transfer voided the same day, deposit refunded by transfer
    expect(n['101299']).toBe(5_000 - 1_000); // online in, refunded in part through the provider
    expect(Object.values(n).reduce((s, v) => s + v, 0)).toBe(0);
    // summaries name the event, the fee item and the channel
    const summaries = new Set(lines.map((l) => l.summary));
    for (const s of ['确认应收-物业费', '滞纳金-物业费', '减免-物业费', '收款-物业费-现金', '收款-广告位-在线（沙箱）', '冲回-收款-物业费-转账', '预存收款-通用-现金',
      '预存抵扣-物业费', '预存退款-通用-现金', '退款冲回-收款-广告位-在线（沙箱）', '收取押金-广告位-现金', '押金退还-广告位-转账']) expect(summaries, s).toContain(s);
    const [audit] = await k.rows(sql`select after from audit_log where company_id = ${ours.companyId} and action = 'payment.voucher_exported' order by created_at desc limit 1`);
    expect(audit.after).toMatchObject({ provisional: true, vouchers: 1, debitFen: lines.reduce((s, l) => s + l.debit, 0), creditFen: lines.reduce((s, l) => s + l.credit, 0) });
  });

  it('a month only once closed (409 period_open), then one voucher for the month or one per day', async () => {
    const open = await exportOf(hq, `projectId=${ours.projectA}&month=2026-10`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.details).toEqual([{ path: 'querystring.month', message: 'period_open', projectIds: [ours.projectA] }]);
    await k.db().insert(ledgerPeriods).values({ companyId: ours.companyId, projectId: ours.projectA, month: '2026-10-01' });

    const month = await exportOf(pm, `projectId=${ours.projectA}&month=2026-10`);
    expect(month.statusCode, month.body).toBe(200);
    const m = await sheet(month.rawPayload);
    expect(balanced(m.lines)).toEqual([]);
    expect(new Set(m.lines.map((l) => `${l.no} ${l.date} ${l.closed}`))).toEqual(new Set(['1 2026-10-31 已关账']));
    const [sums] = await k.rows(sql`select coalesce(sum(amount_fen), 0)::bigint as fen from ledger_entries
      where company_id = ${ours.companyId} and project_id = ${ours.projectA} and entry_date between '2026-10-01' and '2026-10-31' and account = 'receivable' and not migrated`);
    expect(net(m.lines)['1122']).toBe(Number(sums.fen));
    expect(net(m.lines)['1002']).toBe(-1_000 + 4_000); // + the POS payment of day 2

    const perDay = await sheet((await exportOf(hq, `projectId=${ours.projectA}&month=2026-10&perDay=true`)).rawPayload);
    expect(balanced(perDay.lines)).toEqual([]);
    expect(new Set(perDay.lines.map((l) => `${l.no} ${l.date}`))).toEqual(new Set([`1 ${D1}`, `2 ${D2}`]));
    expect(net(perDay.lines)).toEqual(net(m.lines));

    // every visible project: project B of the same month is still open
    const all = await exportOf(hq, 'month=2026-10');
    expect(all.statusCode).toBe(409);
    expect(all.json().error.details[0].projectIds).toEqual([ours.projectB]);
    // a day of a closed month is final
    const day = await sheet((await exportOf(hq, `projectId=${ours.projectA}&date=${D2}`)).rawPayload);
    expect(new Set(day.lines.map((l) => l.closed))).toEqual(new Set(['已关账']));
    // a day with nothing: an empty sheet, still a file
    const none = await exportOf(hq, `projectId=${ours.projectA}&date=2026-10-02`);
    expect(none.statusCode).toBe(200);
    expect((await sheet(none.rawPayload)).lines).toEqual([]);
  });

  it('refuses other projects (404), other roles (403) and bad periods (400 on the field)', async () => {
    expect((await exportOf(pm, `projectId=${ours.projectB}&date=${D1}`)).statusCode).toBe(404);
    expect((await exportOf(theirHq, `projectId=${ours.projectA}&date=${D1}`)).statusCode).toBe(404);
    expect((await exportOf(cashier, `projectId=${ours.projectA}&date=${D1}`)).statusCode).toBe(403);
    // their HQ without a project: only their own entries
    const theirs1 = await sheet((await exportOf(theirHq, `date=${D1}`)).rawPayload);
    expect(net(theirs1.lines)).toEqual({ '1122': 888, '6001': -888 });
    for (const [qs, path] of [['month=2026-13', 'querystring.month'], [`month=2026-10&date=${D1}`, 'querystring.month'], ['date=2026-02-30', 'querystring.date'],
      ['date=2999-01-01', 'querystring.date'], ['month=2999-01', 'querystring.month']] as const) {
      const res = await exportOf(hq, `projectId=${ours.projectA}&${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.details.map((d: any) => d.path), qs).toContain(path);
    }
  });
});
