import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { autoDeductProject } from './prepaid-auto-deduct.service.ts';
import { chunkWriteSql, HASH_JOINS, nextTargetsSql, type TargetPhase } from './run-sql.ts';
import { billRuns } from './runs.table.ts';
import { BILL_RUN_QUEUE } from './runs.service.ts';

/** Targets per chunk transaction: PGlite serves one connection, so its chunks stay short (DESIGN.md). */
export const chunkSizeFor = (db: Database) => (db.kind === 'pglite' ? 500 : 4000);

interface ChunkResult { planned: number; created: number; total_fen: string | number; discount_fen: string | number }

/**
 * Works a run to the end, one chunk per transaction. Each chunk locks the run row first and reads
 * the cursor from it, so two workers on one run (a resumed job meeting a slow one) take turns and
 * never bill a chunk twice; the chunk's writes and the cursor's advance commit together, so after a
 * crash the run resumes exactly where its last commit ended. Returns the final status.
 */
export async function workRun(database: Database, runId: string, opts: { chunkSize?: number; onChunk?: () => Promise<void> | void } = {}): Promise<string> {
  const db = database.db;
  const limit = opts.chunkSize ?? chunkSizeFor(database);
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const [run] = await tx.select().from(billRuns).where(eq(billRuns.id, runId)).for('update');
      if (!run || (run.status !== 'queued' && run.status !== 'running')) return { status: run?.status ?? 'missing', more: false };
      if (run.cursorPhase === 'finished') {
        const [done] = await tx.update(billRuns).set({ status: 'done', preview: await resultByItem(tx, run), finishedAt: new Date(), heartbeatAt: new Date(), version: sql`${billRuns.version} + 1` })
          .where(eq(billRuns.id, runId)).returning();
        await record(tx, systemActor(run.companyId, 'bill-run'), 'billing.run_finished', { type: 'bill_run', id: runId, projectId: run.projectId }, null,
          { billsCreated: done!.billsCreated, billsSkipped: done!.billsSkipped, totalFen: done!.totalFen, discountFen: done!.discountFen });
        return { status: 'done', more: false, finished: { companyId: run.companyId, projectId: run.projectId } };
      }
      const phase = run.cursorPhase as TargetPhase;
      const ids = ((await tx.execute(nextTargetsSql(phase, run, run.cursorId, limit))).rows as { id: string }[]).map((r) => r.id);
      let c: ChunkResult = { planned: 0, created: 0, total_fen: 0, discount_fen: 0 };
      if (ids.length) {
        await tx.execute(HASH_JOINS);
        c = (await tx.execute(chunkWriteSql(phase, {
          companyId: run.companyId, projectId: run.projectId, periodFrom: run.periodFrom, periodTo: run.periodTo, feeItemIds: run.feeItemIds,
          runId, dueDate: run.dueDate, createdBy: run.createdBy,
        }, ids))).rows[0] as unknown as ChunkResult;
      }
      const phaseDone = ids.length < limit;
      await tx.update(billRuns).set({
        status: 'running', startedAt: run.startedAt ?? new Date(), heartbeatAt: new Date(),
        cursorPhase: phaseDone ? (phase === 'room' ? 'space' : 'finished') : phase, cursorId: phaseDone ? null : ids[ids.length - 1]!,
        targetsDone: sql`${billRuns.targetsDone} + ${ids.length}`, billsCreated: sql`${billRuns.billsCreated} + ${c.created}`,
        billsSkipped: sql`${billRuns.billsSkipped} + ${c.planned - c.created}`, totalFen: sql`${billRuns.totalFen} + ${Number(c.total_fen)}`,
        discountFen: sql`${billRuns.discountFen} + ${Number(c.discount_fen)}`,
      }).where(eq(billRuns.id, runId));
      return { status: 'running', more: true };
    });
    if (!step.more) {
      // projects that pay from prepaid: the new bills that are already due are deducted now, not at night
      if ('finished' in step && step.finished) {
        await autoDeductProject(db, null, { ...step.finished, asOf: businessNow().format('YYYY-MM-DD') })
          .catch((e) => console.error('[bill-run] automatic deduction after the run failed:', e instanceof Error ? e.message : e));
      }
      return step.status;
    }
    await opts.onChunk?.();
  }
}

/** What the run wrote per fee item, kept on the run in the preview's shape (its `preview` column). */
async function resultByItem(tx: Executor, run: typeof billRuns.$inferSelect) {
  // two grouped reads by the run's index (per bill lookups would be 400k probes on a large run)
  const rows = (await tx.execute(sql`
    with b as (select fee_item_id, count(*)::int as bills, sum(principal_fen)::bigint as total from bills
               where company_id = ${run.companyId}::uuid and run_id = ${run.id}::uuid group by fee_item_id),
    d as (select e.fee_item_id, -sum(e.amount_fen)::bigint as discount from ledger_entries e
          where e.company_id = ${run.companyId}::uuid and e.kind = 'waiver'
            and e.bill_id in (select id from bills where company_id = ${run.companyId}::uuid and run_id = ${run.id}::uuid)
          group by e.fee_item_id)
    select fi.id as "feeItemId", fi.name as "feeItemName", coalesce(b.bills, 0) as bills, coalesce(b.total, 0) as "totalFen", coalesce(d.discount, 0) as "discountFen"
    from fee_items fi left join b on b.fee_item_id = fi.id left join d on d.fee_item_id = fi.id
    where fi.company_id = ${run.companyId}::uuid and fi.id = any(${sql.param(run.feeItemIds)}::uuid[]) order by fi.code`)).rows as { feeItemId: string; feeItemName: string; bills: number; totalFen: string; discountFen: string }[];
  const items = rows.map((r) => ({ ...r, totalFen: Number(r.totalFen), discountFen: Number(r.discountFen), alreadyBilled: 0 }));
  return {
    projectId: run.projectId, periodKind: run.periodKind, periodFrom: run.periodFrom, periodTo: run.periodTo, dueDate: run.dueDate, feeItemIds: run.feeItemIds, items,
    bills: items.reduce((a, i) => a + i.bills, 0), totalFen: items.reduce((a, i) => a + i.totalFen, 0), discountFen: items.reduce((a, i) => a + i.discountFen, 0), missingInsideArea: 0,
  };
}

/** Marks a run failed with the error's message (shown in the console); its committed chunks stay. */
export async function failRun(database: Database, runId: string, message: string) {
  const db = database.db;
  await db.transaction(async (tx) => {
    const [run] = await tx.update(billRuns).set({ status: 'failed', message: message.slice(0, 500), finishedAt: new Date(), version: sql`${billRuns.version} + 1` })
      .where(and(eq(billRuns.id, runId), inArray(billRuns.status, ['queued', 'running']))).returning();
    if (run) await record(tx, systemActor(run.companyId, 'bill-run'), 'billing.run_failed', { type: 'bill_run', id: runId, projectId: run.projectId }, null, { message });
  });
}

/**
 * Re-queues runs a dead worker left queued or running (no chunk committed for `staleSeconds`). The
 * job's singleton key keeps one job per run; the row lock in `workRun` keeps two workers honest.
 */
export async function resumeStaleRuns(ctx: AppContext, staleSeconds: number): Promise<number> {
  const res = await ctx.database.db.execute(sql`
    select id from bill_runs where status in ('queued', 'running')
      and coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ${staleSeconds})`);
  const ids = (res.rows as { id: string }[]).map((r) => r.id);
  for (const id of ids) await ctx.jobs?.send(BILL_RUN_QUEUE, { id }, { singletonKey: `${id}:resume` });
  return ids.length;
}
