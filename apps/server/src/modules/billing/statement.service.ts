import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { STATEMENT_MAX_DAYS, type ZRoomStatement, type ZStatementSubtotal } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { formatYuan, renderPdf } from '../../lib/pdf.ts';
import { record } from '../audit/audit.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { effectiveKind } from './bill-balances.ts';

type Statement = z.output<typeof ZRoomStatement>;
type Subtotal = z.output<typeof ZStatementSubtotal>;
export interface StatementRoom { id: string; code: string; projectId: string; companyId: string }

const KIND_NAMES: Record<string, string> = {
  charge: '应收', late_fee: '滞纳金', waiver: '减免', payment: '缴费', prepay_deposit: '预存', prepay_deduction: '预存抵扣',
  refund: '退款', reversal: '冲销', opening_balance: '期初',
};

/** Adds one entry to a subtotal by what it is (a reversal as the kind it reverses, with its own sign). */
function add(s: Omit<Subtotal, 'feeItemId' | 'feeItemName'>, kind: string, amount: number) {
  if (kind === 'charge' || kind === 'opening_balance') s.chargedFen += amount;
  else if (kind === 'late_fee') s.lateFeeFen += amount;
  else if (kind === 'payment' || kind === 'prepay_deduction') s.paidFen -= amount;
  else if (kind === 'waiver') s.waivedFen -= amount;
  s.netFen += amount;
}

const zero = () => ({ chargedFen: 0, lateFeeFen: 0, paidFen: 0, waivedFen: 0, netFen: 0 });

/**
 * 对账单: the room's receivable account over [from, to] by entry date. Opening = Σ entries before
 * `from`, each entry in the range with the balance after it, closing = opening + Σ in range; the
 * subtotals per fee item count a reversal as what it reverses (docs/billing-plan.md, sign
 * conventions), so a voided bill adds nothing. Prepaid and deposit balances are as of `to`.
 * One indexed range read (ledger_entries_room_idx) and two sums; the caller has checked the room.
 */
export async function statementOf(db: Executor, room: StatementRoom, from: string, to: string): Promise<Statement> {
  const [head, rows]: any[] = await Promise.all([
    db.execute(sql`
      select p.name as project_name,
        coalesce(sum(e.amount_fen) filter (where e.account = 'receivable' and e.entry_date < ${from}::date), 0)::bigint as opening,
        coalesce(sum(e.amount_fen) filter (where e.account = 'prepaid' and e.entry_date <= ${to}::date), 0)::bigint as prepaid,
        coalesce(sum(e.amount_fen) filter (where e.account = 'deposit' and e.entry_date <= ${to}::date), 0)::bigint as deposit
      from projects p
      left join ledger_entries e on e.company_id = ${room.companyId} and e.room_id = ${room.id} and e.entry_date <= ${to}::date
      where p.id = ${room.projectId}
      group by p.name`),
    db.execute(sql`
      select e.id, e.entry_date::text as entry_date, e.kind, ${effectiveKind} as effective, e.component, e.amount_fen::bigint as amount,
             e.fee_item_id, fi.name as fee_item_name, e.bill_id, b.period_from::text as period_from, b.period_to::text as period_to, e.note
      from ledger_entries e
      left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
      left join fee_items fi on fi.id = e.fee_item_id
      left join bills b on b.id = e.bill_id and b.company_id = e.company_id
      where e.company_id = ${room.companyId} and e.room_id = ${room.id} and e.account = 'receivable'
        and e.entry_date >= ${from}::date and e.entry_date <= ${to}::date
      order by e.entry_date, e.created_at, e.id`),
  ]);
  const h = head.rows[0] ?? { project_name: '', opening: 0, prepaid: 0, deposit: 0 };
  const opening = Number(h.opening);
  let balance = opening;
  const totals = zero();
  const byItem = new Map<string, Subtotal>();
  const entries = (rows.rows as any[]).map((r) => {
    const amount = Number(r.amount);
    balance += amount;
    const key = r.fee_item_id ?? '';
    const s = byItem.get(key) ?? { feeItemId: r.fee_item_id, feeItemName: r.fee_item_name, ...zero() };
    add(s, r.effective, amount);
    add(totals, r.effective, amount);
    byItem.set(key, s);
    return {
      id: r.id, entryDate: r.entry_date, kind: r.kind, component: r.component, amountFen: amount, feeItemId: r.fee_item_id, feeItemName: r.fee_item_name,
      billId: r.bill_id, periodFrom: r.period_from, periodTo: r.period_to, note: r.note, balanceFen: balance,
    };
  });
  return {
    roomId: room.id, roomCode: room.code, projectId: room.projectId, projectName: h.project_name, from, to,
    openingBalanceFen: opening, entries, closingBalanceFen: balance,
    subtotals: [...byItem.values()].sort((a, b) => (a.feeItemName ?? '').localeCompare(b.feeItemName ?? '', 'zh-CN')),
    totals, prepaidBalanceFen: Number(h.prepaid), depositBalanceFen: Number(h.deposit),
  };
}

/** The range asked for, with its defaults (this year up to today): a start after the end or over five years is a 400. */
export function statementRange(q: { from?: string; to?: string }): { from: string; to: string } {
  const to = q.to ?? businessNow().format('YYYY-MM-DD');
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw badRequest('开始日期不能晚于结束日期', [{ path: 'querystring.to', message: 'ends_before_start' }]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= STATEMENT_MAX_DAYS) throw badRequest('对账期间不能超过五年', [{ path: 'querystring.to', message: 'range_too_long' }]);
  return { from, to };
}

/** A staff member's statement of a room in scope (out of scope → 404 房间). */
export async function roomStatement(db: Executor, actor: Actor, roomId: string, q: { from?: string; to?: string }) {
  const room = await getRoom(db, actor, roomId);
  const { from, to } = statementRange(q);
  return statementOf(db, room, from, to);
}

/** The statement as an A4 PDF: the figures above, entries with the running balance, subtotals per fee item. */
export function statementPdf(s: Statement): Promise<Buffer> {
  return renderPdf((w) => {
    w.title('对账单', `${s.projectName} · ${s.roomCode}`)
      .keyValues([
        ['对账期间', `${s.from} 至 ${s.to}`], ['打印时间', businessNow().format('YYYY-MM-DD HH:mm')],
        ['期初余额（元）', formatYuan(s.openingBalanceFen)], ['期末余额（元）', formatYuan(s.closingBalanceFen)],
        ['预存余额（元）', formatYuan(s.prepaidBalanceFen)], ['押金余额（元）', formatYuan(s.depositBalanceFen)],
      ])
      .table([
        { header: '日期', width: 11 }, { header: '收费项目', width: 14 }, { header: '账期', width: 20 }, { header: '类型', width: 9 },
        { header: '说明', width: 16 }, { header: '金额（元）', width: 13, money: true }, { header: '余额（元）', width: 13, money: true },
      ], [
        [s.from, '', '', '期初', '', null, s.openingBalanceFen],
        ...s.entries.map((e) => [e.entryDate, e.feeItemName, e.periodFrom ? `${e.periodFrom} 至 ${e.periodTo}` : '', KIND_NAMES[e.kind] ?? e.kind, e.note, e.amountFen, e.balanceFen]),
      ], [s.to, '', '', '期末', '', s.closingBalanceFen - s.openingBalanceFen, s.closingBalanceFen])
      .table([
        { header: '收费项目', width: 20 }, { header: '应收', width: 12, money: true }, { header: '滞纳金', width: 12, money: true },
        { header: '已缴', width: 12, money: true }, { header: '减免', width: 12, money: true }, { header: '余额变动', width: 12, money: true },
      ], s.subtotals.map((r) => [r.feeItemName ?? '—', r.chargedFen, r.lateFeeFen, r.paidFen, r.waivedFen, r.netFen]),
      ['合计', s.totals.chargedFen, s.totals.lateFeeFen, s.totals.paidFen, s.totals.waivedFen, s.totals.netFen])
      .paragraph('金额单位：元。正数为应缴增加，负数为缴费、减免或冲销。');
  }, { title: `对账单 ${s.roomCode} ${s.from}–${s.to}` });
}

/** The PDF and its audit record (who took which room's statement of which range). */
export async function exportStatement(db: Executor, actor: Actor, s: Statement) {
  const data = await statementPdf(s);
  await db.transaction((tx) => record(tx, actor, 'billing.statement_exported', { type: 'room', id: s.roomId, projectId: s.projectId }, null,
    { from: s.from, to: s.to, entries: s.entries.length, closingBalanceFen: s.closingBalanceFen }));
  return { data, name: `对账单-${s.roomCode}-${s.from}-${s.to}.pdf` };
}
