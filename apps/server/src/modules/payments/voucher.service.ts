import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { monthEnd } from '@wuye/shared';
import type { AppDb } from '../../db/client.ts';
import { listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { XLSX_MIME } from '../estate/excel/workbook.ts';
import { checkProject } from '../org/projects.service.ts';

/**
 * 财务凭证: the ledger of a day or a closed month as summarised double entries a finance package
 * can import (one row per 摘要 × 科目 × 辅助核算, one 记 voucher per project and day / month).
 * Every ledger entry gives its own account's line and, unless its pair is in the ledger already
 * (预存抵扣 moves receivable and prepaid together), the counter line:
 *
 * | entry (kind on account)                     | debit                     | credit                    |
 * |---------------------------------------------|---------------------------|---------------------------|
 * | charge / late_fee on receivable             | 1122 应收账款              | 6001 主营业务收入 (公共收益 fee items: 224102) |
 * | waiver on receivable                        | 6001 / 224102             | 1122                      |
 * | payment on receivable                       | money account of the channel | 1122                   |
 * | payment on deposit (押金 received)          | money                     | 224101 其他应付款-押金      |
 * | prepay_deposit on prepaid                   | money                     | 2203 预收账款              |
 * | prepay_deduction (receivable − and prepaid −) | 2203                    | 1122                      |
 * | refund on prepaid / deposit                 | 2203 / 224101             | money of the refund's channel |
 * | reversal                                    | the reversed entry's lines, opposite; a refund's reversal of a bill payment: money of the refund |
 *
 * Money accounts: 1001 库存现金 (cash), 1002 银行存款 (transfer, POS), 1012xx 其他货币资金 per online
 * provider. Entries without a payment (billing's own counter movements) count as cash. Migrated 期初
 * entries are the legacy books' and are left out. The codes are defaults (configurable later).
 */

export const voucherAccounts = {
  cash: { code: '1001', name: '库存现金' },
  bank: { code: '1002', name: '银行存款' },
  wechat: { code: '101201', name: '其他货币资金-微信' },
  alipay: { code: '101202', name: '其他货币资金-支付宝' },
  sandbox: { code: '101299', name: '其他货币资金-在线支付（沙箱）' },
  receivable: { code: '1122', name: '应收账款' },
  prepaid: { code: '2203', name: '预收账款' },
  deposit: { code: '224101', name: '其他应付款-押金' },
  commonIncome: { code: '224102', name: '其他应付款-公共收益' },
  income: { code: '6001', name: '主营业务收入' },
} as const;
type AccountKey = keyof typeof voucherAccounts;

const channelLabel: Record<string, string> = { cash: '现金', transfer: '转账', pos: 'POS', wechat: '微信', alipay: '支付宝', sandbox: '在线（沙箱）', none: '' };
const kindLabel: Record<string, string> = {
  charge: '确认应收', late_fee: '滞纳金', waiver: '减免', payment: '收款', deposit_in: '收取押金', prepay_deposit: '预存收款',
  prepay_deduction: '预存抵扣', refund: '预存退款', deposit_out: '押金退还',
};

export interface VoucherLine {
  voucher: number; date: string; projectId: string; projectName: string; summary: string; account: AccountKey;
  feeItemName: string; channel: string; debitFen: number; creditFen: number;
}
export interface Voucher { number: number; date: string; projectId: string; projectName: string; closed: boolean; debitFen: number; creditFen: number }

interface Group {
  project_id: string; project_name: string; day: string; fee_name: string | null; common_income: boolean | null; kind: string; account: string;
  orig_kind: string | null; has_refund: boolean; pay_channel: string | null; pay_provider: string | null; refund_channel: string | null;
  refund_pay_channel: string | null; refund_pay_provider: string | null; fen: string | number;
}

function money(channel: string | null, provider: string | null): { key: AccountKey; channel: string } {
  if (channel === 'online') return { key: provider === 'wechat' || provider === 'alipay' ? provider : 'sandbox', channel: provider ?? 'sandbox' };
  if (channel === 'transfer' || channel === 'pos') return { key: 'bank', channel };
  return { key: 'cash', channel: channel ?? 'cash' };
}
function refundMoney(g: Group) {
  if (g.refund_channel === 'original') return money(g.refund_pay_channel, g.refund_pay_provider);
  return money(g.refund_channel === 'transfer' ? 'transfer' : 'cash', null);
}
const ownAccount = (account: string): AccountKey =>
  account === 'receivable' ? 'receivable' : account === 'prepaid' ? 'prepaid' : account === 'deposit' ? 'deposit' : 'commonIncome';

/** one grouped ledger row → its two lines (or one, for a self-balancing 预存抵扣 half) in debit-positive 分 */
function linesOf(g: Group): { account: AccountKey; channel: string; summary: string; d: number }[] {
  const rev = g.kind === 'reversal';
  const kind = rev ? g.orig_kind! : g.kind;
  const fen = Number(g.fen);
  const own = ownAccount(g.account);
  const d = own === 'receivable' ? fen : -fen;
  const base = kind === 'payment' && g.account === 'deposit' ? 'deposit_in' : kind === 'refund' && g.account === 'deposit' ? 'deposit_out' : kind;
  let other: { key: AccountKey; channel: string } | null;
  if (rev && g.has_refund) other = refundMoney(g);
  else if (kind === 'charge' || kind === 'late_fee' || kind === 'waiver') other = { key: g.common_income ? 'commonIncome' : 'income', channel: 'none' };
  else if (kind === 'payment' || kind === 'prepay_deposit') other = money(g.pay_channel, g.pay_provider);
  else if (kind === 'refund') other = refundMoney(g);
  else other = null; // prepay_deduction: the receivable and prepaid halves balance each other
  const channel = other?.channel ?? 'none';
  const label = kindLabel[base] ?? base;
  const summary = rev ? (g.has_refund ? `退款冲回-${label}` : `冲回-${label}`) : label;
  const out = [{ account: own, channel, summary, d }];
  if (other) out.push({ account: other.key, channel, summary, d: -d });
  return out;
}

export interface VoucherQuery { projectId?: string; month?: string; date?: string; perDay?: 'true' | 'false' }

/** The vouchers and their lines (nothing written); 409 period_open for a month not closed. */
export async function buildVouchers(db: AppDb, actor: Actor, q: VoucherQuery) {
  const companyId = requireCompany(actor);
  if (q.projectId) await checkProject(db, actor, q.projectId);
  const today = businessNow().format('YYYY-MM-DD');
  const from = q.month ? `${q.month}-01` : (q.date ?? today);
  const to = q.month ? monthEnd(from) : from;
  if (from > today) throw badRequest('不能导出未来的期间', [{ path: q.month ? 'querystring.month' : 'querystring.date', message: 'in_future' }]);
  const perDay = !q.month || q.perDay === 'true';
  const ids = listProjects(actor, q.projectId);
  const inScope = ids === 'all' ? sql`true` : ids.length ? sql`e.project_id in (${sql.join(ids.map((x) => sql`${x}::uuid`), sql`, `)})` : sql`false`;
  const day = perDay ? sql`e.entry_date` : sql`${to}::date`;
  const res: any = await db.execute(sql`
    select e.project_id, pr.name as project_name, to_char(${day}, 'YYYY-MM-DD') as day, f.name as fee_name, f.common_income, e.kind, e.account,
      o.kind as orig_kind, (e.refund_id is not null) as has_refund, p.channel as pay_channel, p.provider as pay_provider,
      r.channel as refund_channel, rp.channel as refund_pay_channel, rp.provider as refund_pay_provider, sum(e.amount_fen)::bigint as fen
    from ledger_entries e
    join projects pr on pr.id = e.project_id
    left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
    left join fee_items f on f.id = e.fee_item_id
    left join payments p on p.id = e.payment_id
    left join refunds r on r.id = e.refund_id
    left join payments rp on rp.id = r.payment_id
    where e.company_id = ${companyId} and ${inScope} and e.entry_date between ${from}::date and ${to}::date
      and not e.migrated and coalesce(o.migrated, false) = false and e.kind <> 'opening_balance' and coalesce(o.kind, '') <> 'opening_balance'
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14`);
  const groups = res.rows as Group[];

  // the period close: a month only when closed, a day is provisional while its month is open
  const projectIds = [...new Set(groups.map((g) => g.project_id))];
  if (q.projectId && !projectIds.includes(q.projectId)) projectIds.push(q.projectId);
  const closedRes: any = projectIds.length ? await db.execute(sql`select project_id from ledger_periods where company_id = ${companyId}
    and month = ${`${from.slice(0, 7)}-01`}::date and project_id in (${sql.join(projectIds.map((x) => sql`${x}::uuid`), sql`, `)})`) : { rows: [] };
  const closed = new Set((closedRes.rows as any[]).map((r) => r.project_id as string));
  if (q.month) {
    const open = projectIds.filter((p) => !closed.has(p));
    if (open.length) throw conflict(`${q.month} 尚未关账，不能导出月度凭证（可按日导出暂估凭证）`, [{ path: 'querystring.month', message: 'period_open', projectIds: open }]);
  }

  const byKey = new Map<string, VoucherLine & { vk: string }>();
  const vouchers = new Map<string, Voucher>();
  for (const g of groups) {
    const vk = `${g.day}|${g.project_name}|${g.project_id}`;
    if (!vouchers.has(vk)) vouchers.set(vk, { number: 0, date: g.day, projectId: g.project_id, projectName: g.project_name, closed: closed.has(g.project_id), debitFen: 0, creditFen: 0 });
    for (const l of linesOf(g)) {
      const feeItemName = g.fee_name ?? '通用';
      const k = `${vk}|${l.summary}|${l.account}|${feeItemName}|${l.channel}`;
      const line = byKey.get(k) ?? { vk, voucher: 0, date: g.day, projectId: g.project_id, projectName: g.project_name, summary: l.summary, account: l.account, feeItemName, channel: l.channel, debitFen: 0, creditFen: 0 };
      line.debitFen += l.d; // net for now, split below
      byKey.set(k, line);
    }
  }
  const ordered = [...vouchers.entries()].sort(([a], [b]) => a.localeCompare(b));
  ordered.forEach(([, v], i) => { v.number = i + 1; });
  const lines: VoucherLine[] = [];
  for (const { vk, ...l } of byKey.values()) {
    const v = vouchers.get(vk)!;
    const net = l.debitFen;
    if (net === 0) continue;
    const line = { ...l, voucher: v.number, debitFen: net > 0 ? net : 0, creditFen: net < 0 ? -net : 0 };
    v.debitFen += line.debitFen;
    v.creditFen += line.creditFen;
    lines.push(line);
  }
  lines.sort((a, b) => a.voucher - b.voucher || a.summary.localeCompare(b.summary) || (b.debitFen > 0 ? 1 : 0) - (a.debitFen > 0 ? 1 : 0)
    || voucherAccounts[a.account].code.localeCompare(voucherAccounts[b.account].code) || a.feeItemName.localeCompare(b.feeItemName) || a.channel.localeCompare(b.channel));
  return { from, to, month: q.month ?? null, provisional: !q.month && ordered.some(([, v]) => !v.closed), vouchers: ordered.map(([, v]) => v), lines };
}

export async function exportVoucher(db: AppDb, actor: Actor, q: VoucherQuery) {
  const v = await buildVouchers(db, actor, q);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('凭证', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '凭证日期', width: 12 }, { header: '凭证字', width: 8 }, { header: '凭证号', width: 8 }, { header: '摘要', width: 28 },
    { header: '科目编码', width: 10 }, { header: '科目名称', width: 26 }, { header: '借方金额', width: 14, style: { numFmt: '0.00' } },
    { header: '贷方金额', width: 14, style: { numFmt: '0.00' } }, { header: '辅助核算', width: 48 }, { header: '关账状态', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  const closedOf = new Map(v.vouchers.map((x) => [x.number, x.closed]));
  for (const l of v.lines) {
    const acc = voucherAccounts[l.account];
    const ch = channelLabel[l.channel] ?? l.channel;
    ws.addRow([l.date, '记', l.voucher, `${l.summary}-${l.feeItemName}${ch ? `-${ch}` : ''}`, acc.code, acc.name,
      l.debitFen ? l.debitFen / 100 : 0, l.creditFen ? l.creditFen / 100 : 0,
      `项目:${l.projectName};收费项目:${l.feeItemName}${ch ? `;渠道:${ch}` : ''}`, closedOf.get(l.voucher) ? '已关账' : '未关账']);
  }
  const info = wb.addWorksheet('说明');
  info.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 90 }];
  info.getRow(1).font = { bold: true };
  info.addRow(['期间', v.month ? `${v.month}（已关账）` : `${v.from}${v.provisional ? '（未关账，暂估）' : ''}`]);
  info.addRow(['凭证数', String(v.vouchers.length)]);
  for (const x of v.vouchers) info.addRow([`记-${x.number}`, `${x.date} ${x.projectName} 借 ${(x.debitFen / 100).toFixed(2)} 贷 ${(x.creditFen / 100).toFixed(2)}${x.debitFen === x.creditFen ? '' : ' 【不平衡】'}`]);
  for (const a of Object.values(voucherAccounts)) info.addRow(['科目', `${a.code} ${a.name}`]);
  info.addRow(['口径', '按记账日期汇总台账分录；期初迁移分录不含；无收款渠道的柜台预存 / 押金按现金；金额单位 元']);
  info.addRow(['导出时间', businessNow().format('YYYY-MM-DD HH:mm')]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const debitFen = v.lines.reduce((s, l) => s + l.debitFen, 0);
  const creditFen = v.lines.reduce((s, l) => s + l.creditFen, 0);
  await db.transaction((tx) => record(tx, actor, 'payment.voucher_exported', { type: 'company', id: requireCompany(actor), projectId: q.projectId ?? null }, null, {
    query: q, from: v.from, to: v.to, provisional: v.provisional, vouchers: v.vouchers.length, rows: v.lines.length, debitFen, creditFen,
  }));
  const names = [...new Set(v.vouchers.map((x) => x.projectName))];
  const who = names.length === 1 ? names[0] : '全部项目';
  return { name: `记账凭证-${who}-${v.month ?? v.from}${v.provisional ? '-未关账' : ''}.xlsx`, mime: XLSX_MIME, data, vouchers: v };
}
