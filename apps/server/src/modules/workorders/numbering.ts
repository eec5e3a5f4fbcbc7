import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { businessNow } from '../../lib/time.ts';

/** WO20261202-0007: per company and business day, from a counter row bumped in the creating transaction. */
export async function nextOrderNo(tx: Executor, companyId: string): Promise<string> {
  const day = businessNow().format('YYYYMMDD');
  const res: any = await tx.execute(sql`
    insert into wo_counters (company_id, day, n) values (${companyId}, ${day}, 1)
    on conflict (company_id, day) do update set n = wo_counters.n + 1
    returning n`);
  return `WO${day}-${String(res.rows[0].n).padStart(4, '0')}`;
}
