import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { businessNow } from '../../lib/time.ts';
import { receipts } from './payments.table.ts';

/** SJ-<project code>-<year>-<6-digit sequence>, e.g. SJ-YG-2026-000123 */
export const receiptNumber = (projectCode: string, year: number, seq: number) => `SJ-${projectCode}-${year}-${String(seq).padStart(6, '0')}`;

/**
 * The next receipt of the project and (business) year: the counter row is incremented with
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the caller's transaction, so it stays locked until
 * that transaction ends — a payment that rolls back gives its number back, and numbers have no gaps.
 */
export async function issueReceipt(tx: Tx, companyId: string, projectId: string, paymentId: string, _at: Date) {
  const year = businessNow().year();
  const [counter] = rowsOf(await tx.execute(sql`
    insert into receipt_counters (company_id, project_id, year, last_seq) values (${companyId}, ${projectId}, ${year}, 1)
    on conflict (company_id, project_id, year) do update set last_seq = receipt_counters.last_seq + 1
    returning last_seq, (select code from projects where id = ${projectId}) as code`));
  const seq = Number(counter.last_seq);
  const [r] = await tx.insert(receipts).values({
    companyId, projectId, paymentId, year, seq, number: receiptNumber(String(counter.code), year, seq),
  }).returning();
  return r!;
}
