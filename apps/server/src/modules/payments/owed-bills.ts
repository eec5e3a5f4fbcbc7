import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { billBalances } from '../billing/bill-balances.ts';
import { lateFeesAsOf } from '../billing/late-fees.service.ts';

/** A live bill of a room that still owes something today, as the counter and the posting see it. */
export interface OwedBillRow {
  billId: string;
  feeItemId: string;
  feeItemName: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  principalOutstandingFen: number;
  /** posted and still owed */
  lateFeePostedOutstandingFen: number;
  /** accrued up to asOf and not posted yet (posting a payment puts it on the ledger first) */
  lateFeeUnpostedFen: number;
  /** whether its fee item charges late fees at all (only those need posting) */
  lateFees: boolean;
}

/**
 * The room's live bills with something owed (Σ receivable > 0, or a late fee accrued), oldest due
 * first — the default allocation order — then period and creation. `billIds` narrows to those bills
 * (still only the room's). Three queries whatever the number of bills.
 */
export async function owedBills(db: Executor, companyId: string, roomId: string, asOf: string, billIds?: readonly string[]): Promise<OwedBillRow[]> {
  const only = billIds ? sql`and b.id = any(${sql.param([...billIds])}::uuid[])` : sql``;
  const rows = rowsOf(await db.execute(sql`
    select b.id, b.fee_item_id, f.name as fee_item_name, b.period_from::text as period_from, b.period_to::text as period_to, b.due_date::text as due_date,
      f.late_fee_daily_ppm is not null as late_fees
    from bills b join fee_items f on f.id = b.fee_item_id
    where b.company_id = ${companyId} and b.room_id = ${roomId} and b.status = 'live' ${only}
      and (select coalesce(sum(e.amount_fen), 0) from ledger_entries e
           where e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable') > 0
    order by b.due_date, b.period_from, b.created_at, b.id`));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  // one after the other: `db` is often the payment's transaction, one connection (pg refuses overlapping queries on it)
  const balances = await billBalances(db, companyId, ids);
  const fees = await lateFeesAsOf(db, companyId, ids, asOf);
  return rows.map((r) => {
    const b = balances.get(r.id)!;
    return {
      billId: r.id, feeItemId: r.fee_item_id, feeItemName: r.fee_item_name, periodFrom: r.period_from, periodTo: r.period_to, dueDate: r.due_date,
      principalOutstandingFen: b.principalOutstandingFen, lateFeePostedOutstandingFen: b.lateFeeOutstandingFen,
      lateFeeUnpostedFen: fees.get(r.id)?.unpostedFen ?? 0, lateFees: Boolean(r.late_fees),
    };
  });
}

/** what settling the bill costs today */
export const totalDue = (b: OwedBillRow) => b.principalOutstandingFen + b.lateFeePostedOutstandingFen + b.lateFeeUnpostedFen;
