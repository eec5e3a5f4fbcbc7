import { and, eq, sql } from 'drizzle-orm';
import type { Channel, NotificationEvent } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { formatYuan } from '../../lib/pdf.ts';
import { record } from '../audit/audit.service.ts';
import { projects } from '../org/org.table.ts';
import { reminderRules, reminders } from './payments.table.ts';
import { daysBefore, findCandidates, todayInShanghai, type Candidate } from './reminders.candidates.ts';

/** declared in @wuye/shared notifications (vars room, project, amount, count, since, contact) */
export const REMINDER_EVENT: NotificationEvent = 'payment.arrears_reminder';
/** rooms per transaction: the job and a batch commit every chunk (the embedded database is one connection) */
export const CHUNK = 500;

export interface SendInput {
  companyId: string;
  projectId: string;
  ruleId: string | null;
  batchId: string | null;
  channels: readonly string[];
}
export interface SendResult { reminderIds: string[]; count: number; totalFen: number; recipients: number; unreachedRoomIds: string[] }

/**
 * One `reminders` row per room (the bills snapshot and totals) and a `payment.arrears_reminder`
 * message to the residents bound to it on the channels picked (the notifier narrows the event's),
 * in the caller's transaction: the reminder exists exactly when its messages (inbox rows and outbox
 * deliveries) do. `recipients` = people reached.
 */
export async function sendReminders(tx: Tx, ctx: AppContext, actor: Actor, input: SendInput, candidates: Candidate[]): Promise<SendResult> {
  const out: SendResult = { reminderIds: [], count: 0, totalFen: 0, recipients: 0, unreachedRoomIds: [] };
  if (candidates.length === 0) return out;
  const [project] = await tx.select({ name: projects.name, address: projects.address }).from(projects)
    .where(and(eq(projects.companyId, input.companyId), eq(projects.id, input.projectId)));
  const contact = project?.address ? `缴费地点：${project.address}。` : '';
  const inserted = await tx.insert(reminders).values(candidates.map((c) => ({
    companyId: input.companyId, projectId: input.projectId, roomId: c.roomId, ruleId: input.ruleId, batchId: input.batchId,
    totalFen: c.totalFen, billCount: c.billCount, bills: c.bills, channels: [...input.channels], sentBy: actor.userId,
  }))).returning({ id: reminders.id, roomId: reminders.roomId });
  const idOf = new Map(inserted.map((r) => [r.roomId, r.id]));
  const reached: number[] = [];
  for (const c of candidates) {
    const reminderId = idOf.get(c.roomId)!;
    const got = c.residents === 0 ? 0 : await ctx.notifier.notify(tx, REMINDER_EVENT,
      { companyId: input.companyId, projectId: input.projectId, residents: { projectId: input.projectId, roomIds: [c.roomId] } },
      { room: c.code, project: project?.name ?? '', amount: formatYuan(c.totalFen), count: c.billCount, since: c.oldestDueDate, contact, reminderId },
      { channels: input.channels as readonly Channel[] });
    reached.push(got);
    out.reminderIds.push(reminderId);
    out.count++;
    out.totalFen += c.totalFen;
    out.recipients += got;
    if (got === 0) out.unreachedRoomIds.push(c.roomId);
  }
  const withRecipients = out.reminderIds.filter((_, i) => reached[i]! > 0);
  if (withRecipients.length) {
    await tx.execute(sql`update reminders r set recipients = v.n
      from unnest(${sql.param(out.reminderIds)}::uuid[], ${sql.param(reached)}::int[]) as v(id, n)
     where r.id = v.id and r.company_id = ${input.companyId} and v.n > 0`);
  }
  await record(tx, actor, 'payment.reminders_sent', { type: input.ruleId ? 'reminder_rule' : 'reminder_batch', id: input.ruleId ?? input.batchId, companyId: input.companyId, projectId: input.projectId },
    null, { ruleId: input.ruleId, batchId: input.batchId, channels: input.channels, count: out.count, totalFen: out.totalFen, recipients: out.recipients, roomIds: candidates.map((c) => c.roomId) });
  return out;
}

/**
 * One rule's run for a business day. The owing rooms are listed once (one pass over the project's
 * bills), then worked in chunks of CHUNK rooms, each in its own transaction holding the rule's row
 * lock and checking its rooms again under it (thresholds, repeat interval): two runs of the same
 * rule (a retry, a second instance) wait for each other, and a room reminded under the rule within
 * repeatDays (today included) is no candidate any more, so a second run the same day sends nothing.
 */
export async function runRule(ctx: AppContext, companyId: string, ruleId: string, asOf = todayInShanghai(), chunkSize = CHUNK) {
  const db = ctx.database.db;
  const total = { count: 0, recipients: 0, totalFen: 0 };
  const filterOf = (rule: typeof reminderRules.$inferSelect) => ({
    companyId, projectId: rule.projectId, dueBefore: daysBefore(asOf, rule.daysOverdue), minAmountFen: rule.minAmountFen,
    rule: { id: rule.id, repeatDays: rule.repeatDays, asOf },
  });
  const [first] = await db.select().from(reminderRules).where(and(eq(reminderRules.companyId, companyId), eq(reminderRules.id, ruleId)));
  if (!first?.enabled) return total;
  const roomIds = (await findCandidates(db, filterOf(first))).map((c) => c.roomId);
  for (let i = 0; i < roomIds.length; i += chunkSize) {
    const sent = await db.transaction(async (tx) => {
      const [rule] = await tx.select().from(reminderRules).where(and(eq(reminderRules.companyId, companyId), eq(reminderRules.id, ruleId))).for('update');
      if (!rule?.enabled) return null;
      const candidates = await findCandidates(tx, { ...filterOf(rule), roomIds: roomIds.slice(i, i + chunkSize) });
      return sendReminders(tx, ctx, systemActor(companyId, '系统'), { companyId, projectId: rule.projectId, ruleId: rule.id, batchId: null, channels: rule.channels }, candidates);
    });
    if (!sent) break;
    total.count += sent.count;
    total.recipients += sent.recipients;
    total.totalFen += sent.totalFen;
  }
  return total;
}

/** The daily job: every enabled rule of every company, one after another. */
export async function runAllRules(ctx: AppContext, asOf = todayInShanghai()) {
  const rules = await ctx.database.db.select({ id: reminderRules.id, companyId: reminderRules.companyId }).from(reminderRules)
    .where(eq(reminderRules.enabled, true)).orderBy(reminderRules.companyId, reminderRules.id);
  const results: { ruleId: string; count: number; recipients: number; totalFen: number }[] = [];
  for (const r of rules) results.push({ ruleId: r.id, ...(await runRule(ctx, r.companyId, r.id, asOf)) });
  return results;
}
