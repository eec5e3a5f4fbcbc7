import { sql } from 'drizzle-orm';
import { settle } from '@wuye/shared';
import type { Executor, Tx } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { record } from '../audit/audit.service.ts';
import { debitHeld, guardMoney } from './held-balances.ts';
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

const rowsOf = (res: any) => res.rows as any[];

/** The room's due live bills with something outstanding, oldest due date first: one grouped query. */
async function dueBills(tx: Executor, companyId: string, roomId: string, asOf: string, billIds?: string[]) {
  const only = billIds ? sql`and b.id = any(${sql.param([...new Set(billIds)])}::uuid[])` : sql``;
  const res = await tx.execute(sql`
    select b.id, b.fee_item_id, b.period_from, b.period_to,
      coalesce(sum(e.amount_fen) filter (where e.component = 'principal'), 0)::bigint as principal,
      coalesce(sum(e.amount_fen) filter (where e.component = 'late_fee'), 0)::bigint as late_fee
    from bills b
    join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable'
    where b.company_id = ${companyId} and b.room_id = ${roomId} and b.status = 'live' and b.due_date <= ${asOf} ${only}
    group by b.id
    having sum(e.amount_fen) > 0
    order by b.due_date, b.period_from, b.created_at, b.id`);
  return rowsOf(res).map((r) => ({
    id: r.id as string, feeItemId: r.fee_item_id as string, periodFrom: r.period_from as string, periodTo: r.period_to as string,
    principal: Math.max(0, Number(r.principal)), lateFee: Math.max(0, Number(r.late_fee)),
  }));
}

/**
 * 预存抵扣: pays the room's due bills (due date ≤ asOf; `billIds` narrows them) from its prepaid
 * money, oldest due date first, each bill from the balance earmarked for its fee item first and
 * then the general balance, each part split between principal and late fee in the project's
 * settle order by the core's `settle`. Runs in the caller's transaction (the payments module and
 * the automatic deduction reuse it) under the room's row lock and the balance rows' locks, so two
 * deductions of one room serialize and a concurrent refund cannot take the money in between.
 *
 * The live late fee up to asOf is posted first (`postLateFees`) for the bills a balance can reach,
 * so the deduction settles it too. Per (bill, balance) part it writes one `prepay_deduction` on
 * prepaid (−, fee_item_id = the earmark or null) and one per component on receivable (−, bill_id,
 * principal / late_fee); never more than the balance or the outstanding. Nothing to pay = no rows.
 */
export async function deductPrepaid(tx: Tx, actor: Actor, input: DeductInput): Promise<DeductResult> {
  const companyId = requireCompany(actor);
  const t = await heldTarget(tx, actor, input.roomId);
  const { asOf } = input;
  const empty: DeductResult = { asOf, billsPaid: 0, deductedFen: 0, principalFen: 0, lateFeeFen: 0, deductions: [] };
  return guardMoney('prepaid', async () => {
    await tx.execute(sql`select id from rooms where company_id = ${companyId} and id = ${t.roomId} for no key update`);
    const balanceRows = rowsOf(await tx.execute(sql`select fee_item_id, balance_fen from account_balances
      where company_id = ${companyId} and room_id = ${t.roomId} and account = 'prepaid' and balance_fen > 0 order by id for update`));
    if (balanceRows.length === 0) return empty;
    const balance = new Map<string | null, number>(balanceRows.map((r) => [r.fee_item_id as string | null, Number(r.balance_fen)]));
    const reachable = (feeItemId: string) => (balance.get(feeItemId) ?? 0) + (balance.get(null) ?? 0) > 0;

    let bills = await dueBills(tx, companyId, t.roomId, asOf, input.billIds);
    const withFees = bills.filter((b) => reachable(b.feeItemId)).map((b) => b.id);
    if (withFees.length === 0) return empty;
    if ((await postLateFees(tx, actor, withFees, asOf)).length > 0) bills = await dueBills(tx, companyId, t.roomId, asOf, input.billIds);

    const order = (await getProjectBillingSettings(tx, companyId, t.projectId)).settleOrder;
    const deductions: Deduction[] = [];
    const entries: (typeof ledgerEntries.$inferInsert)[] = [];
    const taken = new Map<string | null, number>();
    const base = { companyId, projectId: t.projectId, roomId: t.roomId, kind: 'prepay_deduction' as const, entryDate: asOf, createdBy: actor.userId };
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
    if (deductions.length === 0) return empty;
    await tx.insert(ledgerEntries).values(entries);
    for (const [source, amount] of taken) await debitHeld(tx, t, 'prepaid', source, amount);

    const principalFen = deductions.reduce((s, d) => s + d.principalFen, 0);
    const lateFeeFen = deductions.reduce((s, d) => s + d.lateFeeFen, 0);
    const result: DeductResult = {
      asOf, billsPaid: new Set(deductions.map((d) => d.billId)).size, deductedFen: principalFen + lateFeeFen, principalFen, lateFeeFen, deductions,
    };
    await record(tx, actor, 'billing.prepaid_deducted', { type: 'room', id: t.roomId, projectId: t.projectId },
      { balances: balanceRows.map((r) => ({ feeItemId: r.fee_item_id, balanceFen: Number(r.balance_fen) })) },
      { ...result, order, balances: [...balance].map(([feeItemId, balanceFen]) => ({ feeItemId, balanceFen })) });
    return result;
  });
}
