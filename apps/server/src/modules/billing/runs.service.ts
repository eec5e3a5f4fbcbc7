import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, monthEnd, monthsOfPeriod, type ZBillRunCancel, type ZBillRunInput, type ZBillRunQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { businessNow, iso } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { checkProject } from '../org/projects.service.ts';
import { feeItems } from './billing.table.ts';
import { ledgerPeriods } from './balances.table.ts';
import { HASH_JOINS, previewSql, type RunScope, type TargetPhase } from './run-sql.ts';
import { billRuns, projectBillingSettings } from './runs.table.ts';

type Run = typeof billRuns.$inferSelect;
type RunInput = z.output<typeof ZBillRunInput>;
export type RunPreview = Awaited<ReturnType<typeof previewRun>>;

/** the queue `bill-run.job.ts` works */
export const BILL_RUN_QUEUE = { name: 'bill-run' };

export const runView = (r: Run) => ({
  id: r.id, projectId: r.projectId, periodKind: r.periodKind, periodFrom: r.periodFrom, periodTo: r.periodTo, dueDate: r.dueDate,
  feeItemIds: r.feeItemIds, status: r.status, preview: (r.preview ?? null) as RunPreview | null, targetsTotal: r.targetsTotal,
  targetsDone: r.targetsDone, billsCreated: r.billsCreated, billsSkipped: r.billsSkipped, totalFen: r.totalFen, discountFen: r.discountFen,
  billsVoided: r.billsVoided, message: r.message, cancelReason: r.cancelReason, createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
  startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt), version: r.version,
});

/** [first of the month, last day of the period's last month]: 2026-01-01 + quarter → 2026-03-31 */
export function periodOf(periodFrom: string, kind: keyof typeof monthsOfPeriod): string {
  const [y, m] = periodFrom.split('-').map(Number) as [number, number];
  const last = m - 1 + monthsOfPeriod[kind] - 1;
  const ly = y + Math.floor(last / 12), lm = (last % 12) + 1;
  return monthEnd(`${String(ly).padStart(4, '0')}-${String(lm).padStart(2, '0')}-01`);
}

/** The periodic fee items to bill: the ones named (each must be an active periodic item of the company), else every such item assigned in the project. */
async function resolveFeeItems(db: Executor, companyId: string, input: RunInput, periodFrom: string, periodTo: string): Promise<{ id: string; name: string }[]> {
  if (input.feeItemIds) {
    const rows = await db.select({ id: feeItems.id, name: feeItems.name, category: feeItems.category, status: feeItems.status }).from(feeItems)
      .where(and(eq(feeItems.companyId, companyId), sql`${feeItems.id} = any(${sql.param(input.feeItemIds)}::uuid[])`));
    const details = input.feeItemIds.flatMap((id, i) => {
      const f = rows.find((r) => r.id === id);
      if (!f) return [{ path: `body.feeItemIds.${i}`, message: 'not_found' }];
      if (f.category !== 'periodic') return [{ path: `body.feeItemIds.${i}`, message: 'not_periodic' }];
      if (f.status !== 'active') return [{ path: `body.feeItemIds.${i}`, message: 'archived' }];
      return [];
    });
    if (details.length) throw badRequest('只能为启用中的周期性收费项目生成账单', details);
    return [...new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }])).values()];
  }
  const rows = await db.execute(sql`
    select distinct fi.id, fi.name, fi.code from fee_items fi
    join charge_assignments ca on ca.company_id = fi.company_id and ca.fee_item_id = fi.id and ca.project_id = ${input.projectId}::uuid
      and ca.valid_from <= ${periodTo}::date and (ca.valid_to is null or ca.valid_to >= ${periodFrom}::date)
    where fi.company_id = ${companyId}::uuid and fi.category = 'periodic' and fi.status = 'active' order by fi.code`);
  const items = (rows.rows as { id: string; name: string }[]).map((r) => ({ id: r.id, name: r.name }));
  if (items.length === 0) throw badRequest('该项目在此账期没有分配周期性收费标准', [{ path: 'body.feeItemIds', message: 'nothing_assigned' }]);
  return items;
}

async function dueOffsetDays(db: Executor, projectId: string): Promise<number> {
  const [s] = await db.select({ d: projectBillingSettings.dueOffsetDays }).from(projectBillingSettings).where(eq(projectBillingSettings.projectId, projectId));
  return s?.d ?? 14;
}

/** Resolves the run's period, due date and fee items, refusing a closed month. */
async function plan(db: Executor, actor: Actor, input: RunInput) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  const periodFrom = input.periodFrom;
  const periodTo = periodOf(periodFrom, input.periodKind);
  const dueDate = input.dueDate ?? addDays(periodFrom, await dueOffsetDays(db, input.projectId));
  if (dueDate < periodFrom) throw badRequest('到期日不能早于账期开始', [{ path: 'body.dueDate', message: 'before_period' }]);
  const [closed] = await db.select({ month: ledgerPeriods.month }).from(ledgerPeriods).where(and(
    eq(ledgerPeriods.companyId, companyId), eq(ledgerPeriods.projectId, input.projectId), eq(ledgerPeriods.month, `${periodFrom.slice(0, 7)}-01`)));
  if (closed) throw conflict(`${periodFrom.slice(0, 7)} 已关账，不能再生成该月账单`, [{ path: 'body.periodFrom', message: 'period_closed' }]);
  const items = await resolveFeeItems(db, companyId, input, periodFrom, periodTo);
  const scope: RunScope = { companyId, projectId: input.projectId, periodFrom, periodTo, feeItemIds: items.map((i) => i.id) };
  return { scope, items, dueDate };
}

interface PreviewRow { fee_item_id: string | null; bills: number; total_fen: string | number; discount_fen: string | number; already_billed: number; missing_inside_area: number }

/** Counts and totals per fee item of what the run would write (rooms, then parking spaces), writing nothing. */
export async function previewRun(db: Executor, actor: Actor, input: RunInput) {
  const { scope, items, dueDate } = await plan(db, actor, input);
  const rows: PreviewRow[] = await db.transaction(async (tx) => {
    await tx.execute(HASH_JOINS);
    const out: PreviewRow[] = [];
    for (const phase of ['room', 'space'] as TargetPhase[]) out.push(...((await tx.execute(previewSql(phase, scope))).rows as unknown as PreviewRow[]));
    return out;
  });
  const perItem = items.map((it) => {
    const mine = rows.filter((r) => r.fee_item_id === it.id);
    return {
      feeItemId: it.id, feeItemName: it.name, bills: mine.reduce((a, r) => a + r.bills, 0), totalFen: mine.reduce((a, r) => a + Number(r.total_fen), 0),
      discountFen: mine.reduce((a, r) => a + Number(r.discount_fen), 0), alreadyBilled: mine.reduce((a, r) => a + r.already_billed, 0),
    };
  });
  return {
    projectId: input.projectId, periodKind: input.periodKind, periodFrom: scope.periodFrom, periodTo: scope.periodTo, dueDate, feeItemIds: scope.feeItemIds,
    items: perItem, bills: perItem.reduce((a, i) => a + i.bills, 0), totalFen: perItem.reduce((a, i) => a + i.totalFen, 0),
    discountFen: perItem.reduce((a, i) => a + i.discountFen, 0), missingInsideArea: rows.reduce((a, r) => a + (r.missing_inside_area ?? 0), 0),
  };
}

/**
 * Starts a run: refuses one whose period and fee items overlap a run of the project that is not
 * cancelled ("already run") and queues the job in the same transaction. The project's advisory
 * lock makes two concurrent starts one run and one 409. The preview is its own request (the
 * wizard's step 2): recomputing it here would double a large project's start time.
 */
export async function startRun(ctx: AppContext, actor: Actor, input: RunInput) {
  const db = ctx.database.db;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bill-run:${input.projectId}`}))`);
    const { scope, dueDate } = await plan(tx, actor, input);
    const preview = { periodFrom: scope.periodFrom, periodTo: scope.periodTo, dueDate, feeItemIds: scope.feeItemIds };
    const companyId = requireCompany(actor);
    const [clash] = await tx.select().from(billRuns).where(and(
      eq(billRuns.companyId, companyId), eq(billRuns.projectId, input.projectId), sql`${billRuns.status} <> 'cancelled'`,
      sql`${billRuns.periodFrom} <= ${preview.periodTo}::date and ${billRuns.periodTo} >= ${preview.periodFrom}::date`,
      sql`${billRuns.feeItemIds} && ${sql.param(preview.feeItemIds)}::uuid[]`,
    )).limit(1);
    if (clash) {
      throw conflict(`该项目 ${clash.periodFrom} 至 ${clash.periodTo} 已有账单批次（${clash.status}），请先作废该批次`, [{ path: 'body.periodFrom', message: 'already_run', runId: clash.id }]);
    }
    const targets = await countTargets(tx, companyId, input.projectId);
    const [run] = await tx.insert(billRuns).values({
      companyId, projectId: input.projectId, periodKind: input.periodKind, periodFrom: preview.periodFrom, periodTo: preview.periodTo,
      dueDate: preview.dueDate, feeItemIds: preview.feeItemIds, targetsTotal: targets, createdBy: actor.userId,
    }).returning();
    await record(tx, actor, 'billing.run_started', { type: 'bill_run', id: run!.id, projectId: input.projectId }, null,
      { period: `${preview.periodFrom}..${preview.periodTo}`, feeItemIds: preview.feeItemIds, dueDate: preview.dueDate });
    await ctx.jobs?.send(BILL_RUN_QUEUE, { id: run!.id }, { tx, singletonKey: run!.id });
    return runView(run!);
  });
}

async function countTargets(db: Executor, companyId: string, projectId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(rooms).where(and(eq(rooms.companyId, companyId), eq(rooms.projectId, projectId)));
  const [s] = await db.select({ n: sql<number>`count(*)::int` }).from(parkingSpaces)
    .where(and(eq(parkingSpaces.companyId, companyId), eq(parkingSpaces.projectId, projectId), eq(parkingSpaces.status, 'active')));
  return Number(r!.n) + Number(s!.n);
}

export async function listRuns(db: Executor, actor: Actor, q: z.output<typeof ZBillRunQuery>) {
  const conds: SQL[] = [eq(billRuns.companyId, requireCompany(actor)), projectScope(actor, billRuns.projectId, q.projectId)];
  if (q.status) conds.push(eq(billRuns.status, q.status));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select().from(billRuns).where(where).orderBy(desc(billRuns.createdAt), desc(billRuns.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(billRuns).where(where),
  ]);
  return { items: rows.map(runView), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function getRun(db: Executor, actor: Actor, id: string) {
  return runView(await runInScope(db, actor, id));
}

const runInScope = async (db: Executor, actor: Actor, id: string) => {
  const [r] = await db.select().from(billRuns).where(and(eq(billRuns.companyId, requireCompany(actor)), eq(billRuns.id, id), projectScope(actor, billRuns.projectId)));
  if (!r) throw notFound('账单批次');
  return r;
};

/**
 * 作废批次: voids the run's bills that nothing has paid (a reversal of each of their receivable
 * entries, dated today so a closed month stays closed, and the bill's status), keeps the paid ones,
 * and marks the run cancelled so the period may be run again. A running run is refused (409).
 */
export async function cancelRun(db: Database['db'], actor: Actor, id: string, input: z.output<typeof ZBillRunCancel>) {
  return db.transaction(async (tx) => {
    const run = await lockInScope(tx, billRuns, actor, id, '账单批次', input.version);
    if (run.status === 'running') throw conflict('批次正在生成，完成后再作废', [{ path: 'status', message: 'running' }]);
    if (run.status === 'cancelled') throw conflict('批次已作废', [{ path: 'status', message: 'cancelled' }]);
    const today = businessNow().format('YYYY-MM-DD');
    const voided = await voidUnpaidBills(tx, run, today, input.reason, actor.userId);
    const [after] = await tx.update(billRuns).set({
      status: 'cancelled', cancelReason: input.reason, billsVoided: voided, finishedAt: run.finishedAt ?? new Date(), version: sql`${billRuns.version} + 1`,
    }).where(eq(billRuns.id, id)).returning();
    await record(tx, actor, 'billing.run_cancelled', { type: 'bill_run', id, projectId: run.projectId }, { status: run.status }, { status: 'cancelled', reason: input.reason, billsVoided: voided });
    return runView(after!);
  });
}

async function voidUnpaidBills(tx: Executor, run: Run, today: string, reason: string, userId: string | null): Promise<number> {
  const res = await tx.execute(sql`
    with unpaid as materialized (
      select b.id from bills b where b.company_id = ${run.companyId}::uuid and b.run_id = ${run.id}::uuid and b.status = 'live'
        and not exists (select 1 from ledger_entries e where e.company_id = b.company_id and e.bill_id = b.id and e.kind in ('payment', 'prepay_deduction'))
      for update
    ),
    rev as (
      insert into ledger_entries (id, company_id, project_id, room_id, parking_space_id, fee_item_id, bill_id, kind, account, component, amount_fen, reverses, entry_date, note, created_by)
      select uuid_v7(), e.company_id, e.project_id, e.room_id, e.parking_space_id, e.fee_item_id, e.bill_id, 'reversal', e.account, e.component,
             -e.amount_fen, e.id, ${today}::date, ${`作废账单：${reason}`}, ${userId}::uuid
      from ledger_entries e join unpaid u on u.id = e.bill_id
      where e.company_id = ${run.companyId}::uuid and e.kind <> 'reversal'
        and not exists (select 1 from ledger_entries r where r.company_id = e.company_id and r.reverses = e.id)
      returning 1
    ),
    upd as (
      update bills b set status = 'void', void_reason = ${reason}, version = b.version + 1 from unpaid u where b.id = u.id returning 1
    )
    select (select count(*) from upd)::int as voided, (select count(*) from rev)::int as reversed`);
  return Number((res.rows[0] as { voided: number }).voided);
}
