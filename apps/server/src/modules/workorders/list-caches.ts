import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Two small per-process caches that keep the list to one cheap statement per request (measured:
 * the capped count costs as much as the page itself, and the name lookups more than both).
 *
 * - **Totals** per company and filter, for a few seconds; every committed work-order change of the
 *   company drops them on every instance (a NOTIFY the change sends, see changes.ts).
 * - **Names** (project, category, building, room code) by id, for 15 seconds: display labels only —
 *   a renamed building shows in the list within seconds, the detail page reads them fresh; ids not
 *   found are not cached (a room created a moment ago shows at once).
 */
const TOTAL_TTL_MS = 10_000;
const NAME_TTL_MS = 15_000;
const MAX_ENTRIES = 20_000;

const totals = new Map<string, { at: number; n: number }>();
const names = new Map<string, { at: number; name: string }>();

export const WO_CHANGED = 'workorders.changed:';

export function dropTotals(companyId: string) {
  for (const k of totals.keys()) if (k.startsWith(companyId)) totals.delete(k);
}

function bounded<V>(m: Map<string, V>) {
  if (m.size > MAX_ENTRIES) m.clear();
}

/** The capped total for this filter: cached, or counted now by `count`. */
export async function cachedTotal(companyId: string, filterKey: string, count: () => Promise<number>): Promise<number> {
  const key = `${companyId}|${createHash('sha1').update(filterKey).digest('base64')}`;
  const hit = totals.get(key);
  if (hit && Date.now() - hit.at < TOTAL_TTL_MS) return hit.n;
  const n = await count();
  bounded(totals);
  totals.set(key, { at: Date.now(), n });
  return n;
}

type Kind = 'p' | 'c' | 'b' | 'r';
const tableOf: Record<Kind, { table: string; column: string }> = {
  p: { table: 'projects', column: 'name' }, c: { table: 'wo_categories', column: 'name' },
  b: { table: 'buildings', column: 'name' }, r: { table: 'rooms', column: 'code' },
};

/**
 * Names for the ids wanted, from the cache or one union query for the misses (`fresh`: all of them
 * from the database, as the detail page reads them). Keyed `${kind}${id}`.
 */
export async function namesOf(db: Executor, companyId: string, wanted: { kind: Kind; id: string | null }[], opts: { fresh?: boolean } = {}): Promise<Map<string, string | null>> {
  const now = Date.now();
  const out = new Map<string, string | null>();
  const missing: Record<Kind, Set<string>> = { p: new Set(), c: new Set(), b: new Set(), r: new Set() };
  for (const { kind, id } of wanted) {
    if (!id) continue;
    const hit = opts.fresh ? undefined : names.get(`${kind}${id}`);
    if (hit && now - hit.at < NAME_TTL_MS) out.set(`${kind}${id}`, hit.name);
    else missing[kind].add(id);
  }
  const parts = (Object.keys(missing) as Kind[]).filter((k) => missing[k].size > 0).map((k) =>
    sql`select ${k} as k, id, ${sql.identifier(tableOf[k].column)} as name from ${sql.identifier(tableOf[k].table)}
        where company_id = ${companyId} and id = any(${sql.param([...missing[k]])}::uuid[])`);
  if (parts.length) {
    const res: any = await db.execute(sql.join(parts, sql` union all `));
    bounded(names);
    for (const r of res.rows as { k: Kind; id: string; name: string }[]) names.set(`${r.k}${r.id}`, { at: now, name: r.name });
    for (const { kind, id } of wanted) if (id && !out.has(`${kind}${id}`)) out.set(`${kind}${id}`, names.get(`${kind}${id}`)?.name ?? null);
  }
  return out;
}
