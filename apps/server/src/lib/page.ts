import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

export interface PageArgs { page: number; pageSize: number }

export const offsetOf = (p: PageArgs) => (p.page - 1) * p.pageSize;

/** count(*) over the same conditions a list uses; one helper so both drivers parse it alike. */
export async function countRows(db: Executor, from: SQL, where: SQL): Promise<number> {
  const res: any = await db.execute(sql`select count(*)::int as n from ${from} where ${where}`);
  return Number(res.rows[0].n);
}
