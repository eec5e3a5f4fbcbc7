import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';

const CHUNK = 5000;

/**
 * Set-based insert: one `INSERT … SELECT FROM unnest(…)` per few thousand rows, the arrays passed
 * as parameters. Table and column names (and `tail`, e.g. an `on conflict … do update` upsert) come
 * from code, never from input.
 */
export async function bulkInsert(tx: Executor, table: string, cols: readonly (readonly [name: string, pgType: string])[], rows: unknown[][],
  onChunk?: (done: number) => Promise<void>, tail = '') {
  for (let at = 0; at < rows.length; at += CHUNK) {
    const part = rows.slice(at, at + CHUNK);
    const arrays = cols.map(([, type], c) => sql`${sql.param(part.map((r) => r[c] ?? null))}::${sql.raw(type)}[]`);
    await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(cols.map(([n]) => n).join(', '))})
                         select * from unnest(${sql.join(arrays, sql`, `)}) ${sql.raw(tail)}`);
    await onChunk?.(Math.min(at + CHUNK, rows.length));
  }
}
