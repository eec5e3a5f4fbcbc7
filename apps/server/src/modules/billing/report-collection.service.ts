import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CollectionReport, ZCollectionQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import {
  addMonths, byLabel, effectiveKind, groupKey, inScope, labelsOf, monthEnd, monthRange, monthStart, monthsOf, n, rateBp, reportScope, today, readReport, type GroupDim,
} from './reports.service.ts';

type Row = CollectionReport['rows'][number];
interface Current { billed: number; waived: number; collected: number }
interface Arrears { opening: number; billed: number; waived: number; collected: number }
interface Agg { key: string | null; dueMonth: string; entryMonth: string; cat: 'b' | 'w' | 'c'; amount: number }

const zeroCurrent = (): Current => ({ billed: 0, waived: 0, collected: 0 });

function row(key: string | null, label: string, c: Current, a: Arrears): Row {
  const curDen = c.billed - c.waived;
  const arrDen = a.opening + a.billed - a.waived;
  return {
    key, label,
    current: { numeratorFen: c.collected, denominatorFen: curDen, rateBp: rateBp(c.collected, curDen), billedFen: c.billed, waivedFen: c.waived },
    withArrears: { numeratorFen: a.collected, denominatorFen: arrDen, rateBp: rateBp(a.collected, arrDen), openingFen: a.opening, billedFen: a.billed, waivedFen: a.waived },
  };
}

/**
 * 含欠费 over a window of months: bills due by the window's end; entries before its start make the
 * opening outstanding, entries inside it the billed / waived / collected. `aggs` are already summed
 * per (group, due month, entry month, category), so any window is a pass over a small array.
 */
function arrearsOf(aggs: Agg[], wFrom: string, wTo: string, key?: string | null): Arrears {
  const a: Arrears = { opening: 0, billed: 0, waived: 0, collected: 0 };
  for (const g of aggs) {
    if (key !== undefined && g.key !== key) continue;
    if (g.dueMonth > wTo || g.entryMonth > wTo) continue;
    if (g.entryMonth < wFrom) a.opening += g.amount;
    else if (g.cat === 'c') a.collected -= g.amount;
    else if (g.cat === 'w') a.waived -= g.amount;
    else a.billed += g.amount;
  }
  return a;
}

/** 收缴率 (two variants, docs/billing-plan.md "Reports") grouped by project, building, fee item or month. */
async function collectionReportIn(db: Executor, actor: Actor, q: z.output<typeof ZCollectionQuery>): Promise<CollectionReport> {
  const scope = await reportScope(db, actor, q.projectId);
  const { from, to } = monthRange(q);
  const asOf = q.asOf ?? today();
  const S = monthStart(from);
  const E = monthEnd(to);
  if (asOf < S) throw badRequest('截至日期不能早于报表期间', [{ path: 'querystring.asOf', message: 'before_period' }]);
  const byMonth = q.groupBy === 'month';
  const c = scope.companyId;
  const curKey: SQL = byMonth ? sql.raw(`to_char(b.period_from, 'YYYY-MM')`) : groupKey(q.groupBy as GroupDim);
  const arrKey: SQL = byMonth ? sql`null::text` : groupKey(q.groupBy as GroupDim);
  const ek = effectiveKind('e');

  // 本期: bills whose period starts in the range (index bills_project_idx) and their principal entries up to asOf
  const billed: any = await db.execute(sql`
    select ${curKey} as k, sum(b.principal_fen) as billed
      from bills b left join rooms r on r.id = b.room_id
     where b.company_id = ${c} ${inScope(scope, sql`b.project_id`)} and b.status = 'live' and b.period_from between ${S} and ${E}
     group by 1`);
  const moved: any = await db.execute(sql`
    select k, -sum(case when ek = 'waiver' then amount_fen else 0 end) as waived,
              -sum(case when ek in ('payment', 'prepay_deduction') then amount_fen else 0 end) as collected
      from (select ${curKey} as k, e.amount_fen, ${ek} as ek
              from bills b join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id
              left join rooms r on r.id = b.room_id
             where b.company_id = ${c} ${inScope(scope, sql`b.project_id`)} and b.status = 'live' and b.period_from between ${S} and ${E}
               and e.account = 'receivable' and e.component = 'principal' and e.entry_date <= ${asOf}) x
     group by k`);
  const current = new Map<string | null, Current>();
  const cur = (k: string | null) => current.get(k) ?? current.set(k, zeroCurrent()).get(k)!;
  for (const r of billed.rows) cur(r.k).billed = n(r.billed);
  for (const r of moved.rows) Object.assign(cur(r.k), { waived: n(r.waived), collected: n(r.collected) });

  // 含欠费: principal entries up to the range's end on bills due by then, folded to month buckets
  // (everything before the range counts as one "before" month: it only ever makes an opening)
  // The opening is summed per bill before anything is joined, and bills settled before the range
  // (most of an old ledger) drop out there: only the entries inside the range meet the bills row by row.
  const before = addMonths(from, -1);
  const entries = sql`e.company_id = ${c} ${inScope(scope, sql`e.project_id`)} and e.account = 'receivable' and e.component = 'principal' and e.bill_id is not null`;
  const aggRes: any = await db.execute(sql`
    with opening as materialized (
      select e.bill_id, sum(e.amount_fen) as amount from ledger_entries e
       where ${entries} and e.entry_date < ${S}
       group by e.bill_id having sum(e.amount_fen) <> 0)
    select ${arrKey} as k, greatest(to_char(b.due_date, 'YYYY-MM'), ${from}) as dm, ${before} as em, 'b' as cat, sum(o.amount) as amount
      from opening o join bills b on b.id = o.bill_id left join rooms r on r.id = b.room_id
     where b.due_date <= ${E}
     group by 1, 2
    union all
    select k, greatest(to_char(due_date, 'YYYY-MM'), ${from}), to_char(entry_date, 'YYYY-MM'),
           case when ek in ('payment', 'prepay_deduction') then 'c' when ek = 'waiver' then 'w' else 'b' end, sum(amount_fen)
      from (select ${arrKey} as k, b.due_date, e.entry_date, e.amount_fen, ${ek} as ek
              from ledger_entries e join bills b on b.id = e.bill_id
              left join rooms r on r.id = b.room_id
             where ${entries} and e.entry_date between ${S} and ${E} and b.due_date <= ${E}) x
     group by 1, 2, 3, 4`);
  const aggs: Agg[] = aggRes.rows.map((r: any) => ({ key: r.k, dueMonth: r.dm, entryMonth: r.em, cat: r.cat, amount: n(r.amount) }));

  let rows: Row[];
  if (byMonth) {
    rows = monthsOf(from, to).map((m) => row(m, m, current.get(m) ?? zeroCurrent(), arrearsOf(aggs, m, m)));
  } else {
    const keys = new Set<string | null>([...current.keys(), ...aggs.map((g) => g.key)]);
    const labels = await labelsOf(db, c, q.groupBy as GroupDim, [...keys]);
    rows = [...keys].map((k) => row(k, labels.get(k) ?? '—', current.get(k) ?? zeroCurrent(), arrearsOf(aggs, from, to, k))).sort(byLabel);
  }
  const sumCurrent = [...current.values()].reduce((s, x) => ({ billed: s.billed + x.billed, waived: s.waived + x.waived, collected: s.collected + x.collected }), zeroCurrent());
  return { from, to, asOf, groupBy: q.groupBy, rows, total: row(null, '合计', sumCurrent, arrearsOf(aggs, from, to)) };
}

export const collectionReport = (db: AppDb, actor: Actor, q: z.output<typeof ZCollectionQuery>) => readReport(db, (tx) => collectionReportIn(tx, actor, q));
