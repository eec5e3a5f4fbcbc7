import { sql, type SQL } from 'drizzle-orm';
import { roundHalfUp } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { businessNow, dayjs } from '../../lib/time.ts';

/**
 * What every billing report shares: the projects it covers, month arithmetic and the effective
 * kind of a ledger entry. Definitions of the figures: docs/billing-plan.md, "Reports".
 */

export interface ReportScope { companyId: string; projects: 'all' | string[] }

/** The company's projects the actor may see, or the one asked for (another's → 404, as everywhere). */
export async function reportScope(db: Executor, actor: Actor, projectId?: string): Promise<ReportScope> {
  const companyId = requireCompany(actor);
  if (projectId) {
    if (!canSeeProject(actor, projectId)) throw notFound('项目');
    const res: any = await db.execute(sql`select 1 from projects where company_id = ${companyId} and id = ${projectId}`);
    if (!res.rows.length) throw notFound('项目');
    return { companyId, projects: [projectId] };
  }
  return { companyId, projects: listProjects(actor) };
}

/** `and <column> in (…)` for the scope's projects (nothing for HQ's whole company) */
export function inScope(s: ReportScope, column: SQL): SQL {
  if (s.projects === 'all') return sql``;
  if (s.projects.length === 0) return sql` and false`;
  return sql` and ${column} in (${sql.join(s.projects.map((p) => sql`${p}`), sql`, `)})`;
}

/**
 * A reversal counts as what it reverses (a reversed payment is a negative payment), so every
 * report classifies entries by this expression; the lookup runs only for reversal rows (by id).
 */
export const effectiveKind = (e: string) =>
  sql.raw(`(case when ${e}.kind = 'reversal' then (select o.kind from ledger_entries o where o.id = ${e}.reverses) else ${e}.kind end)`);

/**
 * A report's statements in one read-only REPEATABLE READ transaction (its figures come from one
 * snapshot, so billed and collected agree) with JIT off: the reversal lookup makes the planner's
 * cost estimates large enough to trigger JIT compilation, which costs seconds and saves nothing here.
 * The per-bill CTEs are MATERIALIZED: inlined, each parallel worker would compute the whole sum again.
 */
export function readReport<T>(db: AppDb, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local jit = off`);
    // the per-bill sums over a project's ledger (ageing, opening arrears) stay in memory
    await tx.execute(sql`set local work_mem = '64MB'`);
    return fn(tx);
  });
}

export const today = () => businessNow().format('YYYY-MM-DD');
export const monthStart = (m: string) => `${m}-01`;
export const monthEnd = (m: string) => dayjs(`${m}-01`).endOf('month').format('YYYY-MM-DD');
export const addMonths = (m: string, n: number) => dayjs(`${m}-01`).add(n, 'month').format('YYYY-MM');

/** inclusive list of months from a to b */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The month range of a request with its defaults (January of this year … this month); from > to → 400. */
export function monthRange(q: { from?: string; to?: string }) {
  const now = businessNow().format('YYYY-MM');
  const to = q.to ?? (q.from && q.from > now ? q.from : now);
  const from = q.from ?? `${to.slice(0, 4)}-01`;
  if (from > to) throw badRequest('开始月份不能晚于结束月份', [{ path: 'querystring.from', message: 'from_after_to' }]);
  if (monthsOf(from, to).length > 120) throw badRequest('报表期间最长 120 个月', [{ path: 'querystring.to', message: 'range_too_long' }]);
  return { from, to };
}

/** numerator ÷ denominator as basis points, half up; null when there is nothing to collect */
export const rateBp = (num: number, den: number): number | null => (den > 0 ? roundHalfUp(BigInt(num) * 10_000n, BigInt(den)) : null);

export const n = (v: unknown) => (v == null ? 0 : Number(v));

export type GroupDim = 'project' | 'building' | 'feeItem';

/**
 * The group key of a bill `b` (with `r` = its room, left-joined) and how to name it. Parking spaces
 * have no building: their key is null, shown as 车位.
 */
export function groupKey(dim: GroupDim): SQL {
  if (dim === 'project') return sql.raw('b.project_id::text');
  if (dim === 'building') return sql.raw('r.building_id::text');
  return sql.raw('b.fee_item_id::text');
}

/** Names of the keys a report found (one small query per report). */
export async function labelsOf(db: Executor, companyId: string, dim: GroupDim, keys: (string | null)[]): Promise<Map<string | null, string>> {
  const ids = [...new Set(keys.filter((k): k is string => k !== null))];
  const out = new Map<string | null, string>([[null, '车位']]);
  if (!ids.length) return out;
  const table = sql.raw(dim === 'project' ? 'projects' : dim === 'building' ? 'buildings' : 'fee_items');
  const res: any = await db.execute(sql`select id::text as id, name from ${table} where company_id = ${companyId} and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  for (const r of res.rows) out.set(r.id, r.name);
  return out;
}

export const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label, 'zh-CN');
