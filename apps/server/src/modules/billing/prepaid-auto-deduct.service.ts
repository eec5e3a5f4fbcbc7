import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { AppDb } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { deductRooms } from './prepaid-deduct.service.ts';
import { getProjectBillingSettings } from './project-settings.service.ts';

/** rooms per transaction: short enough for PGlite's one connection to interleave requests */
export const AUTO_DEDUCT_CHUNK = 200;

/** Optional: the app context (unused today), who acts (default a system actor), the chunk size (tests). */
export type AutoDeductContext = Partial<AppContext> & { actor?: Actor; chunkSize?: number };

export interface AutoDeductResult {
  /** the project's auto_deduct_prepaid setting; false = nothing was done */
  enabled: boolean;
  asOf: string;
  /** rooms with a positive prepaid balance and a due bill outstanding */
  candidates: number;
  roomsDeducted: number;
  billsPaid: number;
  deductedFen: number;
  /** rooms of chunks refused as a whole (e.g. asOf in a closed month); other chunks still commit */
  roomsFailed: number;
  firstError: string | null;
}

/**
 * 自动抵扣: for one project whose `project_billing_settings.auto_deduct_prepaid` is on, deducts due
 * bills (due ≤ asOf) from prepaid for every room that has a positive prepaid balance and an
 * outstanding due bill. Candidates are picked set-based in room-id keyset order; each chunk is one
 * transaction of `deductRooms` (a constant number of statements per chunk, so PGlite's one
 * connection is free again within milliseconds). A refused chunk is counted and the next one runs.
 * Called daily by the `prepaid-auto-deduct` job and by the bill-run engine after a run finishes;
 * opens its own transactions (pass the database, not a transaction).
 */
export async function autoDeductProject(
  db: AppDb, ctx: AutoDeductContext | null | undefined, input: { companyId: string; projectId: string; asOf: string },
): Promise<AutoDeductResult> {
  const { companyId, projectId, asOf } = input;
  const out: AutoDeductResult = { enabled: false, asOf, candidates: 0, roomsDeducted: 0, billsPaid: 0, deductedFen: 0, roomsFailed: 0, firstError: null };
  if (!(await getProjectBillingSettings(db, companyId, projectId)).autoDeductPrepaid) return out;
  out.enabled = true;
  const actor = ctx?.actor ?? systemActor(companyId, '预存自动抵扣');
  const size = ctx?.chunkSize ?? AUTO_DEDUCT_CHUNK;
  let cursor = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = rowsOf(await db.execute(sql`
      select r.room_id from (
        select room_id from account_balances
        where company_id = ${companyId} and project_id = ${projectId} and account = 'prepaid' and room_id > ${cursor}::uuid
        group by room_id having sum(balance_fen) > 0
      ) r
      where exists (
        select 1 from bills b join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable'
        where b.company_id = ${companyId} and b.room_id = r.room_id and b.status = 'live' and b.due_date <= ${asOf}
        group by b.id having sum(e.amount_fen) > 0
      )
      order by r.room_id limit ${size}`)).map((r) => r.room_id as string);
    if (ids.length === 0) break;
    out.candidates += ids.length;
    cursor = ids[ids.length - 1]!;
    try {
      const results = await db.transaction((tx) => deductRooms(tx, actor, { projectId, roomIds: ids, asOf }));
      for (const r of results.values()) { out.roomsDeducted++; out.billsPaid += r.billsPaid; out.deductedFen += r.deductedFen; }
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.roomsFailed += ids.length;
      out.firstError ??= e.message;
    }
    if (ids.length < size) break;
  }
  return out;
}

/** Projects (of every company) with automatic deduction switched on. */
export async function autoDeductProjects(db: AppDb): Promise<{ companyId: string; projectId: string }[]> {
  return rowsOf(await db.execute(sql`select company_id, project_id from project_billing_settings where auto_deduct_prepaid order by company_id, project_id`))
    .map((r) => ({ companyId: r.company_id, projectId: r.project_id }));
}
