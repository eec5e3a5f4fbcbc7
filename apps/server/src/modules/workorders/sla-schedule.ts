import { openStatuses } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { WorkOrder } from './access.ts';
import { getWoSettings, type WoSettings } from './settings.service.ts';
import { deadlineOf, isResponseKind, isWarning, markOf, slaKinds, slaNoticeJob, type SlaKind } from './sla.job.ts';

const open = new Set<string>(openStatuses);
const clockStopped = (o: WorkOrder) => o.status === 'paused' && (o.pauseReason === 'resident' || o.pauseReason === 'quote');
const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** When each still-pending notice of the order is due, by the project's current settings. */
export function slaPlan(o: WorkOrder, s: Pick<WoSettings, 'warnBeforeMinutes' | 'hqEscalateAfterMinutes'>): { kind: SlaKind; at: Date; dueAt: Date }[] {
  const plan: { kind: SlaKind; at: Date; dueAt: Date }[] = [];
  for (const kind of slaKinds) {
    const due = deadlineOf(o, kind);
    if (!due || markOf(o, kind)) continue;
    if (isResponseKind(kind) && o.acceptedAt) continue;
    if (isWarning(kind) && (!o.assigneeUserId || s.warnBeforeMinutes <= 0)) continue;
    const offset = isWarning(kind) ? -s.warnBeforeMinutes : kind === 'hq_escalation' ? s.hqEscalateAfterMinutes : 0;
    plan.push({ kind, at: new Date(due.getTime() + offset * 60_000), dueAt: due });
  }
  return plan;
}

/**
 * Called after every change of an order, inside its transaction: when an open order's deadlines or
 * assignee changed (or its clock started again) it sends the delayed notices for the new deadlines.
 * Jobs for old deadlines stay queued and find, when they run, that the deadline moved: they do
 * nothing. Without jobs (JOBS off) the minute sweep (sla.job.ts) is the only trigger.
 */
export async function scheduleSla(tx: Tx, ctx: AppContext, next: WorkOrder, before: WorkOrder | null): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs || !open.has(next.status) || clockStopped(next)) return;
  const changed = !before || !open.has(before.status) || clockStopped(before)
    || !same(before.responseDueAt, next.responseDueAt) || !same(before.completeDueAt, next.completeDueAt)
    || before.assigneeUserId !== next.assigneeUserId;
  if (!changed) return;
  const s = await getWoSettings(tx, next.companyId, next.projectId);
  const now = Date.now();
  for (const p of slaPlan(next, s)) {
    await jobs.send(slaNoticeJob(ctx), { companyId: next.companyId, orderId: next.id, kind: p.kind, dueAt: p.dueAt.toISOString() }, {
      tx, startAfter: new Date(Math.max(now, p.at.getTime())), singletonKey: `${p.kind}:${next.id}:${p.dueAt.toISOString()}`,
    });
  }
}
