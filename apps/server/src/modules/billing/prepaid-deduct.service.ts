import { sql } from 'drizzle-orm';
import { settle, type SettleOrder } from '@wuye/shared';
import type { Executor, Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { record } from '../audit/audit.service.ts';
import { guardMoney, insufficient } from './held-balances.ts';
import { postLateFees } from './late-fees.service.ts';
import { getProjectBillingSettings } from './project-settings.service.ts';
import { ledgerEntries } from './ledger.table.ts';
import { heldTarget } from './prepaid.service.ts';

export interface DeductInput {
  roomId: string;
  /** only these bills (of the room); default every live bill of the room */
  billIds?: string[];
  /** bills due on or before this day are paid; the entries (and late fees) are dated it */
  asOf: string;
}

export interface Deduction { billId: string; feeItemId: string; earmarkFeeItemId: string | null; principalFen: number; lateFeeFen: number }
export interface DeductResult { asOf: string; billsPaid: number; deductedFen: number; principalFen: number; lateFeeFen: number; deductions: Deduction[] }

type Entry = typeof ledgerEntries.$inferInsert;
interface DueBill { id: string; roomId: string; feeItemId: string; periodFrom: string; periodTo: string; lateFees: boolean; principal: number; lateFee: number }

const uuids = (ids: readonly string[]) => sql`${sql.param([...new Set(ids)])}::uuid[]`;
const INSERT_CHUNK = 1000;
const emptyResult = (asOf: string): DeductResult => ({ asOf, billsPaid: 0, deductedFen: 0, principalFen: 0, lateFeeFen: 0, deductions: [] });

/** The rooms' due live bills with something outstanding, per room oldest due date first: one grouped query. */
async function dueBills(tx: Executor, companyId: string, roomIds: string[], asOf: string, billIds?: string[]): Promise<DueBill[]> {
  const only = billIds ? sql`and b.id = any(${uuids(billIds)})` : sql``;
  const res = await tx.execute(sql`
    select b.id, b.room_id, b.fee_item_id, b.period_from, b.period_to, (f.late_fee_daily_ppm is not null) as late_fees,
      coalesce(sum(e.amount_fen) filter (where e.component = 'principal'), 0)::bigint as principal,
      coalesce(sum(e.amount_fen) filter (where e.component = 'late_fee'), 0)::bigint as late_fee
    from bills b
    join fee_items f on f.id = b.fee_item_id
    join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable'
    where b.company_id = ${companyId} and b.room_id = any(${uuids(roomIds)}) and b.status = 'live' and b.due_date <= ${asOf} ${only}
    group by b.id, f.late_fee_daily_ppm
    having sum(e.amount_fen) > 0
    order by b.room_id, b.due_date, b.period_from, b.created_at, b.id`);
  return rowsOf(res).map((r) => ({
    id: r.id, roomId: r.room_id, feeItemId: r.fee_item_id, periodFrom: r.period_from, periodTo: r.period_to, lateFees: r.late_fees === true,
    principal: Math.max(0, Number(r.principal)), lateFee: Math.max(0, Number(r.late_fee)),
  }));
}

/** One room's deduction over its locked balances (mutated): the entries to write and what they pay. */
function planRoom(bills: DueBill[], balance: Map<string | null, number>, order: SettleOrder, base: Omit<Entry, 'account' | 'amountFen'>) {
  const deductions: Deduction[] = [];
  const entries: Entry[] = [];
  const taken = new Map<string | null, number>();
  for (const bill of bills) {
    let out = { principalOutstanding: bill.principal, lateFeeOutstanding: bill.lateFee };
    for (const source of [bill.feeItemId, null]) {
      const avail = balance.get(source) ?? 0;
      const owed = out.principalOutstanding + out.lateFeeOutstanding;
      if (avail <= 0 || owed <= 0) continue;
      const s = settle(Math.min(avail, owed), out, order);
      const amount = s.principalFen + s.lateFeeFen;
      if (amount === 0) continue;
      balance.set(source, avail - amount);
      taken.set(source, (taken.get(source) ?? 0) + amount);
      out = { principalOutstanding: out.principalOutstanding - s.principalFen, lateFeeOutstanding: out.lateFeeOutstanding - s.lateFeeFen };
      const note = `预存抵扣 ${bill.periodFrom}~${bill.periodTo}`;
      entries.push({ ...base, feeItemId: source, account: 'prepaid', amountFen: -amount, note });
      if (s.principalFen > 0) entries.push({ ...base, feeItemId: bill.feeItemId, billId: bill.id, account: 'receivable', component: 'principal', amountFen: -s.principalFen, note });
      if (s.lateFeeFen > 0) entries.push({ ...base, feeItemId: bill.feeItemId, billId: bill.id, account: 'receivable', component: 'late_fee', amountFen: -s.lateFeeFen, note });
      deductions.push({ billId: bill.id, feeItemId: bill.feeItemId, earmarkFeeItemId: source, principalFen: s.principalFen, lateFeeFen: s.lateFeeFen });
    }
  }
  return { deductions, entries, taken };
}

function summary(asOf: string, deductions: Deduction[]): DeductResult {
  const principalFen = deductions.reduce((s, d) => s + d.principalFen, 0);
  const lateFeeFen = deductions.reduce((s, d) => s + d.lateFeeFen, 0);
  return { asOf, billsPaid: new Set(deductions.map((d) => d.billId)).size, deductedFen: principalFen + lateFeeFen, principalFen, lateFeeFen, deductions };
}

/**
 * 预存抵扣 for rooms of ONE project, in the caller's transaction, with a constant number of
 * statements whatever the number of rooms (the automatic deduction passes a chunk of a few hundred).
 * Locks the rooms (id order, `FOR NO KEY UPDATE`: FK inserts elsewhere are not blocked) and their
 * prepaid rows, so deductions of a room serialize and a refund cannot take the money in between.
 * Per room: its due bills (due ≤ asOf, `billIds` narrows them) oldest due date first, each from the
 * earmark of its fee item first, then the general balance, each part split between principal and
 * late fee by the core's `settle` in the project's settle order. The live late fee up to asOf is
 * posted first (`postLateFees`) for the bills a balance can reach, so the deduction settles it too.
 * Per (bill, balance) part: one `prepay_deduction` on prepaid (−, fee_item_id = the earmark or null)
 * and one per component on receivable (−, bill_id, principal / late_fee), dated asOf. Rooms outside
 * the project are ignored; the caller checks scope. Returns the rooms that paid something.
 */
export async function deductRooms(tx: Tx, actor: Actor, input: { projectId: string; roomIds: string[]; billIds?: string[]; asOf: string }) {
  const companyId = requireCompany(actor);
  const { projectId, asOf } = input;
  const results = new Map<string, DeductResult>();
  if (input.roomIds.length === 0) return results;
  return guardMoney('prepaid', async () => {
    const locked = rowsOf(await tx.execute(sql`select id from rooms where company_id = ${companyId} and project_id = ${projectId}
      and id = any(${uuids(input.roomIds)}) order by id for no key update`)).map((r) => r.id as string);
    if (locked.length === 0) return results;
    const balanceRows = rowsOf(await tx.execute(sql`select room_id, fee_item_id, balance_fen from account_balances
      where company_id = ${companyId} and room_id = any(${uuids(locked)}) and account = 'prepaid' and balance_fen > 0 order by id for update`));
    if (balanceRows.length === 0) return results;
    const balances = new Map<string, Map<string | null, number>>();
    for (const r of balanceRows) {
      const m = balances.get(r.room_id) ?? new Map<string | null, number>();
      m.set(r.fee_item_id, Number(r.balance_fen));
      balances.set(r.room_id, m);
    }
    const rooms = [...balances.keys()];
    const reachable = (b: DueBill) => { const m = balances.get(b.roomId)!; return (m.get(b.feeItemId) ?? 0) + (m.get(null) ?? 0) > 0; };
    let bills = (await dueBills(tx, companyId, rooms, asOf, input.billIds)).filter(reachable);
    if (bills.length === 0) return results;
    // only items with a late-fee rate accrue one (postLateFees applies the project's switch)
    const withFees = bills.filter((b) => b.lateFees).map((b) => b.id);
    if (withFees.length > 0 && (await postLateFees(tx, actor, withFees, asOf)).length > 0) {
      bills = (await dueBills(tx, companyId, rooms, asOf, input.billIds)).filter(reachable);
    }
    const order = (await getProjectBillingSettings(tx, companyId, projectId)).settleOrder;

    const entries: Entry[] = [];
    const debits: { roomId: string; feeItemId: string | null; amount: number }[] = [];
    const before = new Map(rooms.map((id) => [id, [...balances.get(id)!].map(([feeItemId, balanceFen]) => ({ feeItemId, balanceFen }))]));
    for (const roomId of rooms) {
      const mine = bills.filter((b) => b.roomId === roomId);
      if (mine.length === 0) continue;
      const base = { companyId, projectId, roomId, kind: 'prepay_deduction' as const, entryDate: asOf, createdBy: actor.userId };
      const plan = planRoom(mine, balances.get(roomId)!, order, base);
      if (plan.deductions.length === 0) continue;
      entries.push(...plan.entries);
      for (const [feeItemId, amount] of plan.taken) debits.push({ roomId, feeItemId, amount });
      results.set(roomId, summary(asOf, plan.deductions));
    }
    if (results.size === 0) return results;

    for (let i = 0; i < entries.length; i += INSERT_CHUNK) await tx.insert(ledgerEntries).values(entries.slice(i, i + INSERT_CHUNK));
    const values = sql.join(debits.map((d) => sql`(${d.roomId}::uuid, ${d.feeItemId}::uuid, ${d.amount}::bigint)`), sql`, `);
    const updated = rowsOf(await tx.execute(sql`update account_balances ab set balance_fen = ab.balance_fen - v.amount, updated_at = now()
      from (values ${values}) as v(room_id, fee_item_id, amount)
      where ab.company_id = ${companyId} and ab.room_id = v.room_id and ab.account = 'prepaid' and ab.fee_item_id is not distinct from v.fee_item_id
        and ab.balance_fen >= v.amount
      returning ab.id`));
    // the rows are locked, so this cannot happen; if it ever does, nothing commits
    if (updated.length !== debits.length) throw insufficient('prepaid', 0);

    const after = (roomId: string) => [...balances.get(roomId)!].map(([feeItemId, balanceFen]) => ({ feeItemId, balanceFen }));
    if (results.size === 1) {
      const [roomId, r] = [...results][0]!;
      await record(tx, actor, 'billing.prepaid_deducted', { type: 'room', id: roomId, projectId }, { balances: before.get(roomId) }, { ...r, order, balances: after(roomId) });
    } else {
      const list = [...results];
      await record(tx, actor, 'billing.prepaid_deducted', { type: 'project', id: projectId, projectId }, null, {
        asOf, order, rooms: list.length, totalFen: list.reduce((s, [, r]) => s + r.deductedFen, 0),
        // the ledger holds every part; the audit row names each room's totals
        perRoom: list.map(([roomId, r]) => ({ roomId, billsPaid: r.billsPaid, deductedFen: r.deductedFen, balances: after(roomId) })),
      });
    }
    return results;
  });
}

/**
 * 预存抵扣 of one room (in the actor's scope, else 404): `deductRooms` for that room alone. Runs in
 * the caller's transaction so the payments module can reuse it; nothing to pay = no rows, zeros back.
 */
export async function deductPrepaid(tx: Tx, actor: Actor, input: DeductInput): Promise<DeductResult> {
  const t = await heldTarget(tx, actor, input.roomId);
  const r = await deductRooms(tx, actor, { projectId: t.projectId, roomIds: [t.roomId], billIds: input.billIds, asOf: input.asOf });
  return r.get(t.roomId) ?? emptyResult(input.asOf);
}
