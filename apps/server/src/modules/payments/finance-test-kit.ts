import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/harness.ts';
import { buildings, rooms } from '../estate/estate.table.ts';
import { feeItems } from '../billing/billing.table.ts';
import { bills, ledgerEntries } from '../billing/ledger.table.ts';
import { paymentAllocations, payments, refunds } from './payments.table.ts';

/** Shared by the finance tests: rooms, fee items, payments and their entries written straight into the tables. */
export function financeKit(t: () => TestApp) {
  const db = () => t().ctx.database.db;
  const rows = async (q: ReturnType<typeof sql>) => ((await db().execute(q)) as any).rows as any[];
  const as: TestApp['as'] = (...a) => t().as(...a);
  let seq = 0;

  async function room(companyId: string, projectId: string) {
    const [b] = await db().insert(buildings).values({ companyId, projectId, code: `F${++seq}`, name: `F${seq}栋` }).returning();
    const [r] = await db().insert(rooms).values({ companyId, projectId, buildingId: b!.id, floor: 1, number: 1, code: `F${seq}-101`, buildingArea: 8000 }).returning();
    return r!.id;
  }
  async function feeItem(companyId: string, name: string, commonIncome = false) {
    const [f] = await db().insert(feeItems).values({
      companyId, code: `${name}${++seq}`, name, category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', commonIncome,
    }).returning();
    return f!.id;
  }

  type Ctx = { companyId: string; projectId: string; roomId: string };
  async function entry(c: Ctx, e: Partial<typeof ledgerEntries.$inferInsert> & Pick<typeof ledgerEntries.$inferInsert, 'kind' | 'account' | 'amountFen' | 'entryDate'>) {
    const [x] = await db().insert(ledgerEntries).values({ companyId: c.companyId, projectId: c.projectId, roomId: c.roomId, ...e }).returning();
    return x!;
  }
  /** a live bill and its charge entry */
  async function bill(c: Ctx, feeItemId: string, principalFen: number, day: string) {
    const [b] = await db().insert(bills).values({
      companyId: c.companyId, projectId: c.projectId, roomId: c.roomId, feeItemId, kind: 'periodic', periodFrom: day, periodTo: day, dueDate: day, principalFen,
    }).returning();
    await entry(c, { feeItemId, billId: b!.id, kind: 'charge', account: 'receivable', amountFen: principalFen, entryDate: day });
    return b!.id;
  }

  /**
   * A payment as the counter / callback posts it: the row, one `payment` entry and allocation per
   * bill part, a `prepay_deposit` entry for the remainder.
   */
  async function pay(c: Ctx & { feeItemId: string }, o: {
    day: string; channel: 'cash' | 'transfer' | 'pos' | 'online'; provider?: 'sandbox' | 'wechat' | 'alipay'; txn?: string; createdBy?: string | null;
    parts?: { billId: string; component?: 'principal' | 'late_fee'; amountFen: number }[]; prepaidFen?: number; prepaidFeeItemId?: string | null; createdAt?: Date;
  }) {
    const billsFen = (o.parts ?? []).reduce((s, p) => s + p.amountFen, 0);
    const prepaidFen = o.prepaidFen ?? 0;
    const [p] = await db().insert(payments).values({
      companyId: c.companyId, projectId: c.projectId, roomId: c.roomId, channel: o.channel, provider: o.channel === 'online' ? (o.provider ?? 'sandbox') : null,
      providerTxnId: o.channel === 'online' ? (o.txn ?? `TX${Date.now()}${++seq}`) : null, amountFen: billsFen + prepaidFen, billsFen, prepaidFen,
      prepaidFeeItemId: o.prepaidFeeItemId ?? null, businessDate: o.day, createdBy: o.createdBy ?? null, ...(o.createdAt ? { createdAt: o.createdAt } : {}),
    }).returning();
    const entries: string[] = [];
    for (const part of o.parts ?? []) {
      const e = await entry(c, { feeItemId: c.feeItemId, billId: part.billId, kind: 'payment', account: 'receivable', component: part.component ?? 'principal', amountFen: -part.amountFen, entryDate: o.day, paymentId: p!.id });
      await db().insert(paymentAllocations).values({ companyId: c.companyId, paymentId: p!.id, billId: part.billId, component: part.component ?? 'principal', amountFen: part.amountFen, entryId: e.id });
      entries.push(e.id);
    }
    if (prepaidFen) entries.push((await entry(c, { feeItemId: o.prepaidFeeItemId ?? null, kind: 'prepay_deposit', account: 'prepaid', amountFen: prepaidFen, entryDate: o.day, paymentId: p!.id })).id);
    return { ...p!, entries };
  }
  /** a same-day void: reversal of each of the payment's entries */
  async function voidPayment(c: Ctx, paymentId: string, day: string, at = new Date()) {
    const list = await rows(sql`select * from ledger_entries where payment_id = ${paymentId} and kind <> 'reversal'`);
    for (const e of list) {
      await entry(c, { feeItemId: e.fee_item_id, billId: e.bill_id, kind: 'reversal', account: e.account, component: e.component, amountFen: -Number(e.amount_fen), reverses: e.id, entryDate: day, paymentId });
    }
    await db().execute(sql`update payments set status = 'voided', void_reason = '测试作废', voided_at = ${at.toISOString()}::timestamptz where id = ${paymentId}`);
  }
  /** a succeeded refund row (and, if given, its entry) */
  async function refund(c: Ctx, o: { paymentId?: string; amountFen: number; channel: 'original' | 'cash' | 'transfer'; source?: 'payment' | 'prepaid' | 'deposit'; requestedBy?: string; completedAt?: Date }) {
    const [r] = await db().insert(refunds).values({
      companyId: c.companyId, projectId: c.projectId, roomId: c.roomId, source: o.source ?? (o.paymentId ? 'payment' : 'prepaid'), paymentId: o.paymentId ?? null,
      amountFen: o.amountFen, channel: o.channel, status: 'succeeded', reason: '测试退款', outRefundNo: `RF${Date.now()}${++seq}`, requestedBy: o.requestedBy ?? null,
      completedAt: o.completedAt ?? new Date(),
    }).returning();
    return r!;
  }

  return { db, rows, as, room, feeItem, entry, bill, pay, voidPayment, refund };
}

/** a multipart/form-data body with text fields and one file part named `file` */
export function multipartWith(fields: Record<string, string>, name: string, content: Buffer | string, type = 'text/csv') {
  const boundary = '----wuyeFinance' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

export const WECHAT_HEADER = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单总金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';

/** WeChat Pay's trade bill (交易账单): backtick-prefixed values, then the summary lines */
export function wechatBill(rows: { txn: string; out: string; fen: number; status?: 'SUCCESS' | 'REFUND'; time?: string }[]) {
  const lines = [WECHAT_HEADER];
  for (const r of rows) {
    const a = yuan(r.fen);
    const refund = r.status === 'REFUND';
    lines.push([r.time ?? '2026-11-20 10:00:00', 'wxappid0001', '1900000109', '0', '', r.txn, r.out, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'NATIVE', r.status ?? 'SUCCESS', 'OTHERS', 'CNY',
      a, '0.00', refund ? '50000' + r.txn : '0', refund ? 'RF' + r.out : '0', refund ? a : '0.00', '0.00', refund ? 'ORIGINAL' : '', refund ? 'SUCCESS' : '', '物业费', '', '0.01', '0.60%', a, refund ? a : '0.00', '']
      .map((v) => '`' + v).join(','));
  }
  const total = rows.filter((r) => r.status !== 'REFUND').reduce((s, r) => s + r.fen, 0);
  lines.push('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
  lines.push(['`' + rows.length, '`' + yuan(total), '`0.00', '`0.00', '`0.00', '`' + yuan(total), '`0.00'].join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function canonicalCsv(rows: { txn: string; out?: string; yuan: string; status?: string; at?: string }[]) {
  return ['provider_txn_id,out_trade_no,amount_yuan,paid_at,status', ...rows.map((r) => `${r.txn},${r.out ?? ''},${r.yuan},${r.at ?? '2026-11-20T10:00:00+08:00'},${r.status ?? 'SUCCESS'}`)].join('\n') + '\n';
}
