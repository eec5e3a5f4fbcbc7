import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ageingBucketValues, type AgeingBucket, type AgeingReport, type AgeingRoom, type ZAgeingQuery, type ZAgeingRoomsQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { byLabel, groupKey, inScope, labelsOf, n, reportScope, readReport, today, type ReportScope } from './reports.service.ts';

type Buckets = Record<AgeingBucket, number>;
const zero = (): Buckets => Object.fromEntries(ageingBucketValues.map((b) => [b, 0])) as Buckets;

/** days past due (as-of − due date, ≥ 1) → bucket */
const BUCKET = sql.raw(`case when days <= 30 then 'd0_30' when days <= 90 then 'd31_90' when days <= 180 then 'd91_180' when days <= 365 then 'd181_365' else 'd365_plus' end`);

/**
 * The overdue bills as of a day with what they still owe: Σ of each bill's receivable entries
 * (principal and posted late fees) dated up to that day, for bills due before it. Summed per bill
 * first (one pass over the ledger by project and date), then joined to the bills.
 */
function overdue(scope: ReportScope, asOf: string, cols: SQL, where: SQL = sql``): SQL {
  return sql`
    with o as materialized (
      select e.bill_id, sum(e.amount_fen) as amount
        from ledger_entries e
       where e.company_id = ${scope.companyId} ${inScope(scope, sql`e.project_id`)} and e.account = 'receivable'
         and e.bill_id is not null and e.entry_date <= ${asOf}
       group by e.bill_id)
    select ${cols}, o.amount, (${asOf}::date - b.due_date) as days
      from o join bills b on b.id = o.bill_id
      left join rooms r on r.id = b.room_id
     where o.amount > 0 and b.due_date < ${asOf} ${where}`;
}

/** 欠费账龄 grouped by project, building or fee item. */
async function ageingReportIn(db: Executor, actor: Actor, q: z.output<typeof ZAgeingQuery>): Promise<AgeingReport> {
  const scope = await reportScope(db, actor, q.projectId);
  const asOf = q.asOf ?? today();
  const res: any = await db.execute(sql`
    select k, ${BUCKET} as bucket, sum(amount) as amount, count(*) as bills
      from (${overdue(scope, asOf, sql`${groupKey(q.groupBy)} as k`)}) x
     group by 1, 2`);
  const groups = new Map<string | null, { buckets: Buckets; bills: number }>();
  const total = { buckets: zero(), bills: 0 };
  for (const r of res.rows) {
    const g = groups.get(r.k) ?? groups.set(r.k, { buckets: zero(), bills: 0 }).get(r.k)!;
    const b = r.bucket as AgeingBucket;
    g.buckets[b] += n(r.amount);
    g.bills += n(r.bills);
    total.buckets[b] += n(r.amount);
    total.bills += n(r.bills);
  }
  const labels = await labelsOf(db, scope.companyId, q.groupBy, [...groups.keys()]);
  const view = (key: string | null, label: string, g: { buckets: Buckets; bills: number }) => ({
    key, label, buckets: g.buckets, bills: g.bills, totalFen: Object.values(g.buckets).reduce((s, v) => s + v, 0),
  });
  return {
    asOf, groupBy: q.groupBy,
    rows: [...groups].map(([k, g]) => view(k, labels.get(k) ?? '—', g)).sort(byLabel),
    total: view(null, '合计', total),
  };
}

/** The rooms (and parking spaces) behind an ageing figure, most owed first, paged. Codes only: no personal data. */
async function ageingRoomsIn(db: Executor, actor: Actor, q: z.output<typeof ZAgeingRoomsQuery>) {
  const scope = await reportScope(db, actor, q.projectId);
  const asOf = q.asOf ?? today();
  const where = sql.join([
    q.buildingId === 'none' ? sql` and b.room_id is null` : q.buildingId ? sql` and r.building_id = ${q.buildingId}` : sql``,
    q.feeItemId ? sql` and b.fee_item_id = ${q.feeItemId}` : sql``,
  ]);
  const cols = sql`b.room_id, b.parking_space_id, b.project_id, b.due_date`;
  const res: any = await db.execute(sql`
    with x as (${overdue(scope, asOf, cols, where)}),
    t as (
      select room_id, parking_space_id, min(project_id::text) as project_id, to_char(min(due_date), 'YYYY-MM-DD') as oldest,
             ${sql.join(ageingBucketValues.map((bk) => sql`sum(case when ${BUCKET} = ${bk} then amount else 0 end) as ${sql.raw(bk)}`), sql`, `)},
             sum(amount) as total, count(*) over () as n
        from x group by room_id, parking_space_id)
    select t.*, coalesce(r.code, s.code) as code, p.name as project_name, bd.name as building_name
      from t left join rooms r on r.id = t.room_id left join buildings bd on bd.id = r.building_id
      left join parking_spaces s on s.id = t.parking_space_id
      join projects p on p.id = t.project_id::uuid
     order by t.total desc, code
     limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const items: AgeingRoom[] = res.rows.map((r: any) => ({
    roomId: r.room_id, parkingSpaceId: r.parking_space_id, code: r.code, projectName: r.project_name, buildingName: r.building_name ?? null,
    buckets: Object.fromEntries(ageingBucketValues.map((bk) => [bk, n(r[bk])])) as Buckets, totalFen: n(r.total),
    oldestDueDate: r.oldest,
  }));
  let total = res.rows.length ? n(res.rows[0].n) : 0;
  if (!res.rows.length && q.page > 1) {
    const c: any = await db.execute(sql`select count(*) as n from (select 1 from (${overdue(scope, asOf, cols, where)}) x group by room_id, parking_space_id) y`);
    total = n(c.rows[0]?.n);
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const ageingReport = (db: AppDb, actor: Actor, q: z.output<typeof ZAgeingQuery>) => readReport(db, (tx) => ageingReportIn(tx, actor, q));

export const ageingRooms = (db: AppDb, actor: Actor, q: z.output<typeof ZAgeingRoomsQuery>) => readReport(db, (tx) => ageingRoomsIn(tx, actor, q));
