import { sql } from 'drizzle-orm';
import { lateFee, ratToString, type PrincipalPayment } from '@wuye/shared';
import type { Executor, Tx } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { effectiveKind } from './bill-balances.ts';

/** A bill's late fee (滞纳金) as of a day: what the core accrues, what the ledger already holds. */
export interface LateFeeView {
  billId: string;
  /** late fees apply to this bill: live, its fee item has a rate, its project has them switched on */
  applies: boolean;
  dailyRatePpm: number | null;
  graceDays: number | null;
  capBp: number | null;
  asOf: string;
  /** first accruing day (due date + grace + 1); null when late fees do not apply */
  accrualStart: string | null;
  days: number;
  capped: boolean;
  /** Σ unpaid principal × day over the accruing days (分·days), the rate's base */
  principalDays: string;
  /** the exact fee before its one rounding, "num/den" */
  exact: string;
  /** core total as of asOf, rounded once (0 when late fees do not apply) */
  accruedFen: number;
  /** Σ late_fee entries net of reversals */
  postedFen: number;
  /** accrued − posted when positive: what posting as of asOf would add */
  unpostedFen: number;
}

export const today = () => businessNow().format('YYYY-MM-DD');

interface Target { projectId: string; roomId: string | null; parkingSpaceId: string | null; feeItemId: string }

/**
 * Late fees of the given bills as of `asOf`, from three set-based queries (the bills with their fee
 * item and project switch, the posted sums, the principal reductions by day) and the core's
 * `lateFee` per bill. Principal reductions are payments, prepay deductions and principal waivers
 * (a waived principal is no longer owed, so it stops accruing like a paid one); a reversal counts on
 * the date of the entry it reverses, as if that entry had never been.
 */
export async function lateFeesAsOf(db: Executor, companyId: string, billIds: readonly string[], asOf: string) {
  const out = new Map<string, LateFeeView & { target: Target }>();
  if (billIds.length === 0) return out;
  const ids = sql.param([...new Set(billIds)]);
  // sequential: `db` may be a transaction, one connection (pg refuses overlapping queries on it)
  const billsRes: any = await db.execute(sql`
      select b.id, b.project_id, b.room_id, b.parking_space_id, b.fee_item_id, b.status, b.principal_fen::bigint as principal, b.due_date,
        f.late_fee_daily_ppm as ppm, f.late_fee_grace_days as grace, f.late_fee_cap_bp as cap, coalesce(s.late_fees_enabled, true) as enabled,
        coalesce(p.posted, 0)::bigint as posted
      from bills b
      join fee_items f on f.id = b.fee_item_id
      left join project_billing_settings s on s.project_id = b.project_id and s.company_id = b.company_id
      left join (
        select e.bill_id, sum(e.amount_fen) as posted from ledger_entries e
        left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
        where e.company_id = ${companyId} and e.bill_id = any(${ids}::uuid[]) and e.account = 'receivable' and ${effectiveKind} = 'late_fee'
        group by e.bill_id
      ) p on p.bill_id = b.id
      where b.company_id = ${companyId} and b.id = any(${ids}::uuid[])`);
  const reductionsRes: any = await db.execute(sql`
      select e.bill_id, coalesce(o.entry_date, e.entry_date) as day, (-sum(e.amount_fen))::bigint as fen
      from ledger_entries e
      left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
      where e.company_id = ${companyId} and e.bill_id = any(${ids}::uuid[]) and e.account = 'receivable' and e.component = 'principal'
        and ${effectiveKind} in ('payment', 'prepay_deduction', 'waiver')
      group by 1, 2`);
  const reductions = new Map<string, PrincipalPayment[]>();
  for (const r of reductionsRes.rows as any[]) {
    const fen = Number(r.fen);
    if (fen <= 0) continue;
    const list = reductions.get(r.bill_id) ?? [];
    list.push({ date: r.day, principalFen: fen });
    reductions.set(r.bill_id, list);
  }
  for (const b of billsRes.rows as any[]) {
    const postedFen = Number(b.posted);
    const applies = b.status === 'live' && b.ppm !== null && b.enabled === true;
    const base = {
      billId: b.id as string, applies, dailyRatePpm: b.ppm as number | null, graceDays: b.grace as number | null, capBp: b.cap as number | null, asOf, postedFen,
      target: { projectId: b.project_id, roomId: b.room_id, parkingSpaceId: b.parking_space_id, feeItemId: b.fee_item_id },
    };
    if (!applies) {
      out.set(b.id, { ...base, accrualStart: null, days: 0, capped: false, principalDays: '0', exact: '0', accruedFen: 0, unpostedFen: 0 });
      continue;
    }
    const r = lateFee({
      principalFen: Number(b.principal), dueDate: b.due_date, graceDays: b.grace, dailyRatePpm: b.ppm, capBp: b.cap, asOf,
      payments: reductions.get(b.id) ?? [],
    });
    out.set(b.id, {
      ...base, accrualStart: r.accrualStart, days: r.days, capped: r.capped, principalDays: r.principalDays, exact: ratToString(r.exact),
      accruedFen: r.amountFen, unpostedFen: Math.max(0, r.amountFen - postedFen),
    });
  }
  return out;
}

const CHUNK = 20_000;

/**
 * Posts each bill's late fee up to `asOf`: (core total as of asOf, rounded once) − already posted,
 * when positive, as one `late_fee` entry dated asOf, so a bill's postings always add up to its
 * once-rounded total. Locks the bills in the caller's transaction (id order, so concurrent callers
 * cannot deadlock or post the same amount twice; `NO KEY UPDATE`, so entries other transactions
 * insert for these bills are not held up by a month-end close). Returns the bills that got an entry.
 */
export async function postLateFees(tx: Tx, actor: Actor, billIds: string[], asOf: string): Promise<{ billId: string; postedFen: number }[]> {
  const companyId = requireCompany(actor);
  const ids = [...new Set(billIds)].sort();
  if (ids.length === 0) return [];
  await tx.execute(sql`select id from bills where company_id = ${companyId} and id = any(${sql.param(ids)}::uuid[]) order by id for no key update`);
  const views = await lateFeesAsOf(tx, companyId, ids, asOf);
  const due = ids.map((id) => views.get(id)).filter((v): v is NonNullable<typeof v> => !!v && v.unpostedFen > 0);
  // set-based from (bill, amount) arrays: a month-end close posts tens of thousands at once
  for (let i = 0; i < due.length; i += CHUNK) {
    const part = due.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ledger_entries (id, company_id, project_id, room_id, parking_space_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, note, created_by)
      select uuid_v7(), b.company_id, b.project_id, b.room_id, b.parking_space_id, b.fee_item_id, b.id, 'late_fee', 'receivable', 'late_fee', x.fen, ${asOf}::date,
        ${`滞纳金（计至 ${asOf}）`}, ${actor.userId}::uuid
      from unnest(${sql.param(part.map((v) => v.billId))}::uuid[], ${sql.param(part.map((v) => v.unpostedFen))}::bigint[]) as x(bill_id, fen)
      join bills b on b.company_id = ${companyId} and b.id = x.bill_id
      order by x.bill_id`);
  }
  const byProject = new Map<string, typeof due>();
  for (const v of due) {
    const list = byProject.get(v.target.projectId);
    if (list) list.push(v); else byProject.set(v.target.projectId, [v]);
  }
  for (const [projectId, list] of byProject) {
    const one = list.length === 1 ? list[0]! : null;
    await record(tx, actor, 'billing.late_fee_posted', one ? { type: 'bill', id: one.billId, projectId } : { type: 'project', id: projectId, projectId }, null, {
      asOf, bills: list.length, totalFen: list.reduce((s, v) => s + v.unpostedFen, 0),
      // the ledger holds every posting; the audit row names the first few
      postings: list.slice(0, 100).map((v) => ({ billId: v.billId, postedFen: v.unpostedFen, accruedFen: v.accruedFen })),
    });
  }
  return due.map((v) => ({ billId: v.billId, postedFen: v.unpostedFen }));
}
