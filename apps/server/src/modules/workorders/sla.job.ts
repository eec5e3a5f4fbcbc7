import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { defineJob } from '../../jobs/queue.ts';
import { systemActor } from '../../lib/actor.ts';
import { BUSINESS_TZ, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import type { WorkOrder } from './access.ts';
import { publishChange } from './changes.ts';
import { woSettingsDefaults as D } from './settings.service.ts';
import { woEvents, workOrders } from './workorders.table.ts';

export const slaKinds = ['response_warning', 'response_escalation', 'complete_warning', 'complete_escalation', 'hq_escalation'] as const;
export type SlaKind = (typeof slaKinds)[number];

/**
 * One SLA notice per kind: the column that marks it sent (the once-only guard), the deadline it
 * belongs to and when it is due relative to that deadline (`s` = the project's settings row, may be
 * missing: the defaults are those of settings.service.ts).
 */
const rules: Record<SlaKind, { mark: string; due: 'response_due_at' | 'complete_due_at'; at: SQL; warning: boolean; response: boolean }> = {
  response_warning: { mark: 'response_warned_at', due: 'response_due_at', at: sql`o.response_due_at - make_interval(mins => coalesce(s.warn_before_minutes, ${D.warnBeforeMinutes}))`, warning: true, response: true },
  response_escalation: { mark: 'response_escalated_at', due: 'response_due_at', at: sql`o.response_due_at`, warning: false, response: true },
  complete_warning: { mark: 'complete_warned_at', due: 'complete_due_at', at: sql`o.complete_due_at - make_interval(mins => coalesce(s.warn_before_minutes, ${D.warnBeforeMinutes}))`, warning: true, response: false },
  complete_escalation: { mark: 'complete_escalated_at', due: 'complete_due_at', at: sql`o.complete_due_at`, warning: false, response: false },
  hq_escalation: { mark: 'hq_escalated_at', due: 'complete_due_at', at: sql`o.complete_due_at + make_interval(mins => coalesce(s.hq_escalate_after_minutes, ${D.hqEscalateAfterMinutes}))`, warning: false, response: false },
};

/** Open, and the clock running: a pause for the resident (or their answer to a quote) stops it. */
const clockRunning = sql`o.status in ('submitted','assigned','accepted','in_progress','paused')
  and not (o.status = 'paused' and coalesce(o.pause_reason, '') in ('resident', 'quote'))`;

export interface FireTarget { companyId: string; orderId: string; dueAt: string }

/**
 * Marks every order whose `kind` notice is due at `now` — or only `target`, if its deadline is still
 * the one the job was scheduled for — in ONE guarded update (`mark is null`), then notifies, writes
 * the timeline and the audit. Row locks make it fire once whichever instance runs it: a second
 * runner waits for the first, re-checks `mark is null` and finds nothing. The sweep skips rows
 * somebody holds (a transition in flight, another sweep) — the next minute catches them.
 */
export async function fireDue(tx: Tx, ctx: AppContext, kind: SlaKind, now: Date, target?: FireTarget): Promise<number> {
  const r = rules[kind];
  const mark = sql.identifier(r.mark);
  const due = sql.raw(`o.${r.due}`);
  const at = sql`${now.toISOString()}::timestamptz`;
  const only = target
    ? sql`and o.company_id = ${target.companyId} and o.id = ${target.orderId} and ${due} = ${target.dueAt}::timestamptz`
    : sql``;
  const res: any = await tx.execute(sql`
    update work_orders w set ${mark} = ${at}, overdue = w.overdue or ${r.warning ? sql`false` : sql`true`}
      from (select o.id from work_orders o
              left join wo_project_settings s on s.company_id = o.company_id and s.project_id = o.project_id
             where ${clockRunning} and o.${mark} is null and ${due} is not null and ${r.at} <= ${at}
               ${r.warning ? sql`and ${due} > ${at} and o.assignee_user_id is not null and coalesce(s.warn_before_minutes, ${D.warnBeforeMinutes}) > 0` : sql``}
               ${r.response ? sql`and o.accepted_at is null` : sql``}
               ${only}
             order by o.id limit 500
             for update of o ${target ? sql`` : sql`skip locked`}) x
     where w.id = x.id
    returning w.id`);
  const ids = (res.rows as { id: string }[]).map((x) => x.id);
  if (!ids.length) return 0;
  const orders = await tx.select().from(workOrders).where(inArray(workOrders.id, ids));
  for (const o of orders) await announce(tx, ctx, kind, o);
  return orders.length;
}

const kindLabel = (kind: SlaKind) => (kind.startsWith('response') ? '响应' : '完成');
const levelLabel = (kind: SlaKind) => (kind === 'hq_escalation' ? '总部' : '项目经理');

async function announce(tx: Tx, ctx: AppContext, kind: SlaKind, o: WorkOrder) {
  const r = rules[kind];
  const deadline = (r.due === 'response_due_at' ? o.responseDueAt : o.completeDueAt)!;
  const userIds = r.warning ? [o.assigneeUserId!] : kind === 'hq_escalation' ? await hqOf(tx, o.companyId) : await managersOf(tx, o.companyId, o.projectId);
  const vars = {
    no: o.no, deadline: dayjs(deadline).tz(BUSINESS_TZ).format('MM-DD HH:mm'), kind: kindLabel(kind),
    assignee: o.assigneeName ?? '未派单', level: levelLabel(kind),
  };
  if (userIds.length) {
    await ctx.notifier.notify(tx, r.warning ? 'workorder.sla_warning' : 'workorder.sla_escalated', { companyId: o.companyId, projectId: o.projectId, userIds }, vars);
  }
  await tx.insert(woEvents).values({
    companyId: o.companyId, workOrderId: o.id, event: r.warning ? 'sla_warning' : 'sla_escalated', fromStatus: o.status, toStatus: o.status,
    actorUserId: null, actorName: '系统', note: null, data: { kind, deadline: deadline.toISOString(), notified: userIds.length },
  });
  if (!r.warning) {
    await record(tx, systemActor(o.companyId, '系统'), 'workorder.sla_escalated', { type: 'work_order', id: o.id, projectId: o.projectId },
      null, { kind, deadline: deadline.toISOString(), notified: userIds });
    await publishChange(tx, ctx, o, 'sla_escalated');
  }
}

/** The project's managers: project-scoped staff who manage its work-order settings. */
export async function managersOf(db: Executor, companyId: string, projectId: string): Promise<string[]> {
  const res: any = await db.execute(sql`
    select distinct m.user_id as id from memberships m
      join membership_roles mr on mr.company_id = m.company_id and mr.membership_id = m.id
      join roles r on r.id = mr.role_id
     where m.company_id = ${companyId} and m.kind = 'staff' and m.status = 'active' and r.scope = 'project' and not m.all_projects
       and 'workorder.settings.manage' = any(r.permissions)
       and exists (select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = ${projectId})`);
  return (res.rows as { id: string }[]).map((x) => x.id);
}

/** HQ: company-wide staff who dispatch work orders. */
export async function hqOf(db: Executor, companyId: string): Promise<string[]> {
  const res: any = await db.execute(sql`
    select distinct m.user_id as id from memberships m
      join membership_roles mr on mr.company_id = m.company_id and mr.membership_id = m.id
      join roles r on r.id = mr.role_id
     where m.company_id = ${companyId} and m.kind = 'staff' and m.status = 'active'
       and 'workorder.dispatch' = any(r.permissions) and (m.all_projects or r.scope = 'company')`);
  return (res.rows as { id: string }[]).map((x) => x.id);
}

/** Current deadline an order's `kind` notice belongs to (for scheduling). */
export const deadlineOf = (o: WorkOrder, kind: SlaKind) => (rules[kind].due === 'response_due_at' ? o.responseDueAt : o.completeDueAt);
export const isWarning = (kind: SlaKind) => rules[kind].warning;
export const isResponseKind = (kind: SlaKind) => rules[kind].response;
export const markOf = (o: WorkOrder, kind: SlaKind): Date | null =>
  ({ response_warning: o.responseWarnedAt, response_escalation: o.responseEscalatedAt, complete_warning: o.completeWarnedAt,
    complete_escalation: o.completeEscalatedAt, hq_escalation: o.hqEscalatedAt })[kind];

export interface SlaJobData extends FireTarget { kind: SlaKind }

/** A delayed notice for one order and one deadline (sla-schedule.ts sends it). */
export const slaNoticeJob = (ctx: AppContext) => defineJob<SlaJobData>({
  name: 'workorder-sla-notice',
  retryLimit: 5,
  async handler(batch) {
    for (const j of batch) {
      if (!(slaKinds as readonly string[]).includes(j.data.kind)) continue;
      await ctx.database.db.transaction((tx) => fireDue(tx, ctx, j.data.kind, new Date(), j.data));
    }
  },
});

/** Every notice that is due now, whatever happened to its job (orders made while jobs were off, a lost queue). */
export async function sweepSla(ctx: AppContext, now = new Date()): Promise<Record<SlaKind, number>> {
  const fired = {} as Record<SlaKind, number>;
  for (const kind of slaKinds) {
    let n = 0;
    for (;;) {
      const batch = await ctx.database.db.transaction((tx) => fireDue(tx, ctx, kind, now));
      n += batch;
      if (batch < 500) break;
    }
    fired[kind] = n;
  }
  return fired;
}

export const slaSweepJob = (ctx: AppContext) => defineJob<Record<string, never>>({
  name: 'workorder-sla-sweep',
  cron: '* * * * *',
  retryLimit: 1,
  async handler() { await sweepSla(ctx); },
});
