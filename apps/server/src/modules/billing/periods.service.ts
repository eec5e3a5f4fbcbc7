import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { monthEnd, type ZPeriodClose, type ZPeriodQuery } from '@wuye/shared';
import type { AppDb, Executor, Tx } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { users } from '../auth/auth.table.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { ledgerPeriods } from './balances.table.ts';
import { effectiveKind } from './bill-balances.ts';
import { postLateFees, today } from './late-fees.service.ts';
import { getProjectBillingSettings } from './project-settings.service.ts';

type Period = typeof ledgerPeriods.$inferSelect;
const periodView = (p: Period, closedByName: string | null) => ({
  id: p.id, projectId: p.projectId, month: p.month.slice(0, 7), closedBy: p.closedBy, closedByName, closedAt: p.closedAt.toISOString(),
});

/** 已关账月份, newest first. */
export async function listPeriods(db: Executor, actor: Actor, q: z.output<typeof ZPeriodQuery>) {
  const rows = await db.select({ p: ledgerPeriods, name: users.name }).from(ledgerPeriods).leftJoin(users, eq(users.id, ledgerPeriods.closedBy))
    .where(and(eq(ledgerPeriods.companyId, requireCompany(actor)), projectScope(actor, ledgerPeriods.projectId, q.projectId)))
    .orderBy(desc(ledgerPeriods.month), desc(ledgerPeriods.projectId)).limit(1000);
  return rows.map((r) => periodView(r.p, r.name));
}

/** The earliest month before `first` that has entries of the project and is not closed ('YYYY-MM'), if any. */
async function earlierOpenMonth(tx: Tx, companyId: string, projectId: string, first: string): Promise<string | undefined> {
  const res: any = await tx.execute(sql`
    select to_char(m, 'YYYY-MM') as month
    from generate_series(
      (select date_trunc('month', min(entry_date)::timestamp) from ledger_entries where company_id = ${companyId} and project_id = ${projectId}),
      ${first}::timestamp - interval '1 month', interval '1 month') m
    where not exists (select 1 from ledger_periods p where p.company_id = ${companyId} and p.project_id = ${projectId} and p.month = m::date)
      and exists (select 1 from ledger_entries e where e.company_id = ${companyId} and e.project_id = ${projectId}
                  and e.entry_date >= m::date and e.entry_date < (m + interval '1 month')::date)
    order by m limit 1`);
  return res.rows[0]?.month;
}

/**
 * The project's bills that may owe late fee not yet posted as of `last`: live, rated, accruing by
 * then, and either still owing principal or reduced on or after `first` (a bill settled before the
 * month had its fee posted when the earlier month closed). One grouped pass over the project's entries.
 */
async function lateFeeCandidates(tx: Tx, companyId: string, projectId: string, first: string, last: string): Promise<string[]> {
  const res: any = await tx.execute(sql`
    select b.id from bills b
    join fee_items f on f.id = b.fee_item_id
    left join (
      select e.bill_id,
        sum(e.amount_fen) filter (where e.component = 'principal') as principal_out,
        max(coalesce(o.entry_date, e.entry_date)) filter (where e.component = 'principal' and ${effectiveKind} in ('payment', 'prepay_deduction', 'waiver')) as last_reduction
      from ledger_entries e
      left join ledger_entries o on o.id = e.reverses and o.company_id = e.company_id
      where e.company_id = ${companyId} and e.project_id = ${projectId} and e.account = 'receivable' and e.bill_id is not null
      group by e.bill_id
    ) x on x.bill_id = b.id
    where b.company_id = ${companyId} and b.project_id = ${projectId} and b.status = 'live' and f.late_fee_daily_ppm is not null
      and b.due_date + f.late_fee_grace_days + 1 <= ${last}::date
      and (coalesce(x.principal_out, 0) > 0 or x.last_reduction >= ${first}::date)`);
  return (res.rows as any[]).map((r) => r.id as string);
}

/**
 * 关账: one ended month of one project, in month order (every earlier month with entries closed
 * first), in one transaction under the project's advisory lock: late fees posted as of the month's
 * last day, then the period row (from then on the ledger trigger refuses entries dated in it).
 */
export async function closePeriod(db: AppDb, actor: Actor, input: z.output<typeof ZPeriodClose>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  const first = `${input.month}-01`;
  const last = monthEnd(first);
  if (last >= today()) throw badRequest(`${input.month} 尚未结束，不能关账`, [{ path: 'body.month', message: 'month_not_ended' }]);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ledger_period:${companyId}:${input.projectId}`}))`);
    // set-based over the whole project's bills and entries: JIT compilation would cost seconds and save nothing
    await tx.execute(sql`set local jit = off`);
    const [closed] = await tx.select({ id: ledgerPeriods.id }).from(ledgerPeriods)
      .where(and(eq(ledgerPeriods.companyId, companyId), eq(ledgerPeriods.projectId, input.projectId), eq(ledgerPeriods.month, first)));
    if (closed) throw conflict(`${input.month} 已关账`, [{ path: 'body.month', message: 'already_closed' }]);
    const earlier = await earlierOpenMonth(tx, companyId, input.projectId, first);
    if (earlier) throw conflict(`请先关闭 ${earlier}（按月份顺序关账）`, [{ path: 'body.month', message: 'earlier_month_open', month: earlier }]);

    const settings = await getProjectBillingSettings(tx, companyId, input.projectId);
    const candidates = settings.lateFeesEnabled ? await lateFeeCandidates(tx, companyId, input.projectId, first, last) : [];
    const posted = await postLateFees(tx, actor, candidates, last);
    const [p] = await tx.insert(ledgerPeriods).values({ companyId, projectId: input.projectId, month: first, closedBy: actor.userId }).returning();
    const view = {
      ...periodView(p!, actor.name), lateFeeBills: posted.length, lateFeeFen: posted.reduce((s, x) => s + x.postedFen, 0),
    };
    await record(tx, actor, 'billing.period_closed', { type: 'ledger_period', id: p!.id, projectId: input.projectId }, null, view);
    return view;
  });
}
