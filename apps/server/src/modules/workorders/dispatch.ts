import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { loadOrder, type WorkOrder } from './access.ts';
import { rejectersOf, workersSql } from './assignees.ts';
import { getWoSettings } from './settings.service.ts';
import { applyInTx } from './transition.service.ts';
import { categoryOf } from './categories.service.ts';
import { woCategories, woEvents, workOrders } from './workorders.table.ts';

/**
 * 自动派单. The ranking (docs/workorders-dispatch.md), applied to the project's workers:
 *   eligible   = has the category's skill (a category without a skill needs none) and has not
 *                rejected this order before;
 *   then       on shift now (a staff_shifts row of the project covering now),
 *   then       responsible for the order's building (building_staff),
 *   then       the lowest open load (their orders assigned / accepted / in progress / paused),
 *   then       the user id (stable tiebreak).
 * `score` encodes that order (eligible 10^6, on shift 10^5, building 10^4, minus the load).
 */
export interface Candidate {
  userId: string; name: string; hasSkill: boolean; onShift: boolean; responsibleForBuilding: boolean; openLoad: number;
  eligible: boolean; score: number; reasons: string[];
  /** rejected this order before: never chosen again automatically */
  rejected: boolean;
}
type Category = typeof woCategories.$inferSelect | null;

const SYSTEM_NAME = '系统派单';
const openStatuses = sql`('assigned','accepted','in_progress','paused')`;

/** Every worker of the order's project, best first. */
export async function rankWorkers(db: Executor, o: WorkOrder, category: Category): Promise<Candidate[]> {
  const building = o.buildingId
    ? sql`exists (select 1 from building_staff b where b.company_id = ${o.companyId} and b.building_id = ${o.buildingId} and b.user_id = w.user_id)`
    : sql`false`;
  const res: any = await db.execute(sql`
    with w as (${workersSql(o.companyId, o.projectId)})
    select w.user_id, w.display_name, w.skills,
           exists (select 1 from staff_shifts sh where sh.company_id = ${o.companyId} and sh.project_id = ${o.projectId}
                      and sh.user_id = w.user_id and sh.starts_at <= now() and sh.ends_at > now()) as on_shift,
           ${building} as responsible,
           (select count(*)::int from work_orders x where x.company_id = ${o.companyId} and x.assignee_user_id = w.user_id
              and x.status in ${openStatuses}) as load
      from w`);
  const rejecters = new Set(await rejectersOf(db, o));
  const skill = category?.skill ?? null;
  return (res.rows as any[]).map((r): Candidate => {
    const hasSkill = !skill || (r.skills as string[]).includes(skill);
    const rejected = rejecters.has(r.user_id);
    const eligible = hasSkill && !rejected;
    const load = Number(r.load);
    const reasons = [
      !skill ? '该类别无需特定技能' : hasSkill ? `具备「${category!.name}」技能` : `缺少「${category!.name}」技能（${skill}）`,
      r.on_shift ? '当前在岗' : '当前不在班',
      ...(o.buildingId ? [r.responsible ? '负责该楼栋' : '非该楼栋责任人'] : []),
      `在办 ${load} 单`,
      ...(rejected ? ['曾退回此单'] : []),
    ];
    const score = eligible ? 1_000_000 + (r.on_shift ? 100_000 : 0) + (r.responsible ? 10_000 : 0) - Math.min(load, 9_999) : -Math.min(load, 9_999);
    return { userId: r.user_id, name: r.display_name, hasSkill, onShift: !!r.on_shift, responsibleForBuilding: !!r.responsible, openLoad: load, eligible, score, reasons, rejected };
  }).sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

const brief = (c: Candidate) => ({ userId: c.userId, name: c.name, onShift: c.onShift, responsibleForBuilding: c.responsibleForBuilding, openLoad: c.openLoad, reasons: c.reasons });

/** A timeline row written by dispatch itself (the order's status does not change). */
async function note(tx: Tx, o: WorkOrder, event: 'dispatch_suggested' | 'dispatch_failed', text: string, data: Record<string, unknown>) {
  await tx.insert(woEvents).values({
    companyId: o.companyId, workOrderId: o.id, event, fromStatus: o.status, toStatus: o.status, actorUserId: null, actorName: SYSTEM_NAME, note: text, data, fileIds: [],
  });
}

async function toPool(tx: Tx, o: WorkOrder): Promise<WorkOrder> {
  const [next] = await tx.update(workOrders).set({ inPool: true }).where(and(eq(workOrders.companyId, o.companyId), eq(workOrders.id, o.id))).returning();
  return next!;
}

/** The actor automatic assignment acts as: it may dispatch, nothing else. */
function dispatcher(companyId: string): Actor {
  return { ...systemActor(companyId, SYSTEM_NAME), permissions: new Set(['workorder.dispatch']) };
}

/**
 * What happens to a new (or handed back) order with a category by the project's dispatch mode (one
 * without a category always waits for the desk): `off` waits for the
 * desk; `pool` opens it for 抢单; `suggest` writes the top three eligible candidates to the timeline
 * and waits for the desk; `auto` assigns the best eligible worker on shift, else opens the pool when
 * someone has the skill, else leaves it to the desk with a `dispatch_failed` row saying why.
 */
export async function dispatchOnSubmit(tx: Tx, ctx: AppContext, o: WorkOrder): Promise<WorkOrder> {
  // 咨询、表扬、未分类的投诉: nothing to repair, no skill to match — the desk answers them in every mode
  if (!o.categoryId) return o;
  const s = await getWoSettings(tx, o.companyId, o.projectId);
  if (s.dispatchMode === 'off') return o;
  if (s.dispatchMode === 'pool') return toPool(tx, o);

  const category = await categoryOf(tx, o);
  const ranked = await rankWorkers(tx, o, category);
  const eligible = ranked.filter((c) => c.eligible);
  if (eligible.length === 0) {
    await note(tx, o, 'dispatch_failed', category?.skill ? `没有具备「${category.name}」技能的可派人员，请人工派单` : '项目内没有可派人员，请人工派单', {
      mode: s.dispatchMode, reason: 'no_eligible_worker', fallback: 'desk', skill: category?.skill ?? null,
    });
    return o;
  }
  if (s.dispatchMode === 'suggest') {
    const top = eligible.slice(0, 3).map(brief);
    await note(tx, o, 'dispatch_suggested', `建议派给：${top.map((c) => c.name).join('、')}`, { mode: 'suggest', candidates: top });
    return o;
  }
  const best = eligible.find((c) => c.onShift);
  if (!best) {
    await note(tx, o, 'dispatch_failed', '具备技能的人员当前均不在班，已放入抢单池', {
      mode: 'auto', reason: 'nobody_on_shift', fallback: 'pool', candidates: eligible.slice(0, 3).map(brief),
    });
    return toPool(tx, o);
  }
  return applyInTx(tx, ctx, dispatcher(o.companyId), o, { event: 'assign', version: o.version, assigneeId: best.userId, fileIds: [] }, {
    trusted: true, explain: { auto: true, reasons: best.reasons, candidates: eligible.slice(0, 3).map(brief) },
  });
}

/**
 * A technician handed the order back (the reject row is already written): dispatch it again by the
 * same mode. Everyone who ever rejected this order is excluded (rankWorkers, poolEligible), so it
 * never bounces back to them, nor between two people.
 */
export async function redispatchAfterReject(tx: Tx, ctx: AppContext, o: WorkOrder, _rejectedBy: string | null): Promise<WorkOrder> {
  return dispatchOnSubmit(tx, ctx, o);
}

/** The assign dialog's list: every worker of the project, best first, with what speaks for them. */
export async function candidatesFor(db: Executor, actor: Actor, workOrderId: string) {
  const o = await loadOrder(db, actor, workOrderId);
  const ranked = await rankWorkers(db, o, await categoryOf(db, o));
  return ranked.map(({ rejected: _r, ...c }) => c);
}
