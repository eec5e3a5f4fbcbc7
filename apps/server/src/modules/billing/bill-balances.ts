import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * A bill's money as the ledger has it (docs/billing-plan.md, "Ledger — sign conventions"). A
 * reversal counts as the kind of the entry it reverses, so a reversed payment is no longer paid and
 * a voided bill's reversed charge is no longer charged; hence, per bill,
 * `chargedFen + lateFeePostedFen = paidFen + waivedFen + principalOutstandingFen + lateFeeOutstandingFen`.
 */
export interface BillBalance {
  billId: string;
  /** the bill's principal as billed (bills.principal_fen) */
  principalFen: number;
  /** Σ charge / opening entries net of their reversals: = principalFen for a live bill, 0 once voided */
  chargedFen: number;
  principalOutstandingFen: number;
  lateFeePostedFen: number;
  lateFeeOutstandingFen: number;
  paidFen: number;
  waivedFen: number;
}

export const emptyBalance = (billId: string, principalFen = 0): BillBalance => ({
  billId, principalFen, chargedFen: 0, principalOutstandingFen: 0, lateFeePostedFen: 0, lateFeeOutstandingFen: 0, paidFen: 0, waivedFen: 0,
});

/** The entry's kind, or for a reversal the kind of the entry it reverses (joined as `o`). */
export const effectiveKind = sql.raw(`case when e.kind = 'reversal' then o.kind else e.kind end`);

/** Balances of the given bills of one company: one grouped query over their receivable entries. */
export async function billBalances(db: Executor, companyId: string, billIds: readonly string[]): Promise<Map<string, BillBalance>> {
  const out = new Map<string, BillBalance>();
  if (billIds.length === 0) return out;
  const res: any = await db.execute(sql`
    select b.id, b.principal_fen::bigint as principal,
      coalesce(sum(e.amount_fen) filter (where ${effectiveKind} in ('charge', 'opening_balance')), 0)::bigint as charged,
      coalesce(sum(e.amount_fen) filter (where e.component = 'principal'), 0)::bigint as principal_out,
      coalesce(sum(e.amount_fen) filter (where ${effectiveKind} = 'late_fee'), 0)::bigint as late_posted,
      coalesce(sum(e.amount_fen) filter (where e.component = 'late_fee'), 0)::bigint as late_out,
      coalesce(-sum(e.amount_fen) filter (where ${effectiveKind} in ('payment', 'prepay_deduction')), 0)::bigint as paid,
      coalesce(-sum(e.amount_fen) filter (where ${effectiveKind} = 'waiver'), 0)::bigint as waived
    from bills b
    left join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable'
    left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
    where b.company_id = ${companyId} and b.id = any(${sql.param([...billIds])}::uuid[])
    group by b.id, b.principal_fen`);
  for (const r of res.rows as any[]) {
    out.set(r.id, {
      billId: r.id, principalFen: Number(r.principal), chargedFen: Number(r.charged), principalOutstandingFen: Number(r.principal_out),
      lateFeePostedFen: Number(r.late_posted), lateFeeOutstandingFen: Number(r.late_out), paidFen: Number(r.paid), waivedFen: Number(r.waived),
    });
  }
  return out;
}
