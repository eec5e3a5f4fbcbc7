import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZReminder, ZReminderBatch, ZReminderPreview, ZReminderQuery, ZReminderRule, ZReminderRuleCreate, ZReminderRuleQuery, ZReminderRuleUpdate,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { BUSINESS_TZ, iso } from '../../lib/time.ts';
import { checkVersioned } from '../../lib/versioned.ts';
import { record } from '../audit/audit.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { reminderRules } from './payments.table.ts';
import { findCandidates, todayInShanghai, type Candidate } from './reminders.candidates.ts';
import { sendReminders, type SendResult } from './reminders.send.ts';

type Rule = z.infer<typeof ZReminderRule>;
type Reminder = z.infer<typeof ZReminder>;
type RuleRow = typeof reminderRules.$inferSelect;
const rows = (r: unknown) => (r as { rows: any[] }).rows;
const n = (v: unknown) => Number(v ?? 0);
/** a manual batch (or a preview) covers at most this many rooms: pick a building or rooms beyond it */
export const BATCH_MAX = 5000;

const ruleOf = (r: any): Rule => ({
  id: r.id, projectId: r.project_id, projectName: r.project_name, name: r.name, daysOverdue: n(r.days_overdue), minAmountFen: n(r.min_amount_fen),
  repeatDays: n(r.repeat_days), channels: r.channels, enabled: r.enabled, version: n(r.version), createdAt: new Date(r.created_at).toISOString(),
  lastSentAt: r.last_sent_at ? new Date(r.last_sent_at).toISOString() : null, sentCount: n(r.sent_count),
});

async function rulesWhere(db: Executor, companyId: string, where: SQL): Promise<Rule[]> {
  const res = await db.execute(sql`
    select r.*, p.name as project_name, s.last_sent_at, coalesce(s.sent_count, 0) as sent_count
      from reminder_rules r join projects p on p.id = r.project_id
      left join lateral (select max(m.sent_at) as last_sent_at, count(*) as sent_count from reminders m
                          where m.company_id = r.company_id and m.rule_id = r.id) s on true
     where r.company_id = ${companyId} and ${where}
     order by p.name, r.days_overdue, r.name, r.id`);
  return rows(res).map(ruleOf);
}

export async function listRules(db: Executor, actor: Actor, q: z.output<typeof ZReminderRuleQuery>) {
  const companyId = requireCompany(actor);
  const scope = listProjects(actor, q.projectId);
  if (scope !== 'all' && scope.length === 0) return { items: [] };
  return { items: await rulesWhere(db, companyId, scope === 'all' ? sql`true` : sql`r.project_id = any(${sql.param(scope)}::uuid[])`) };
}

async function ruleInScope(db: Executor, actor: Actor, id: string, lock = false): Promise<RuleRow> {
  const q = db.select().from(reminderRules).where(and(eq(reminderRules.companyId, requireCompany(actor)), eq(reminderRules.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  if (!r || !canSeeProject(actor, r.projectId)) throw notFound('催缴规则');
  return r;
}

const oneRule = async (db: Executor, companyId: string, id: string) => (await rulesWhere(db, companyId, sql`r.id = ${id}`))[0]!;
const ruleAudit = (r: RuleRow) => ({ name: r.name, daysOverdue: r.daysOverdue, minAmountFen: r.minAmountFen, repeatDays: r.repeatDays, channels: r.channels, enabled: r.enabled, version: r.version });

export async function createRule(tx: Tx, actor: Actor, input: z.output<typeof ZReminderRuleCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(tx, actor, input.projectId);
  const [r] = await tx.insert(reminderRules).values({ companyId, ...input }).returning();
  await record(tx, actor, 'payment.reminder_rule_saved', { type: 'reminder_rule', id: r!.id, projectId: r!.projectId }, null, ruleAudit(r!));
  return oneRule(tx, companyId, r!.id);
}

export async function updateRule(tx: Tx, actor: Actor, id: string, input: z.output<typeof ZReminderRuleUpdate>) {
  const before = await ruleInScope(tx, actor, id, true);
  const { version, ...fields } = input;
  const updated = await tx.update(reminderRules).set({ ...fields, version: sql`${reminderRules.version} + 1` })
    .where(and(eq(reminderRules.id, id), eq(reminderRules.version, version))).returning();
  const after = await checkVersioned(updated, async () => true, '催缴规则');
  await record(tx, actor, 'payment.reminder_rule_saved', { type: 'reminder_rule', id, projectId: before.projectId }, ruleAudit(before), ruleAudit(after));
  return oneRule(tx, before.companyId, id);
}

/** The history keeps the rule's id (reminders.rule_id has no foreign key); a deleted rule shows no name. */
export async function deleteRule(tx: Tx, actor: Actor, id: string) {
  const before = await ruleInScope(tx, actor, id, true);
  await tx.delete(reminderRules).where(eq(reminderRules.id, id));
  await record(tx, actor, 'payment.reminder_rule_deleted', { type: 'reminder_rule', id, projectId: before.projectId }, ruleAudit(before), null);
  return { ok: true as const };
}

/** The rooms a manual batch reaches (scope and field checks first; 400 past BATCH_MAX rooms). */
async function batchCandidates(db: Executor, actor: Actor, b: z.output<typeof ZReminderBatch>): Promise<Candidate[]> {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, b.projectId);
  if (b.buildingId) {
    const res = await db.execute(sql`select 1 from buildings where company_id = ${companyId} and id = ${b.buildingId} and project_id = ${b.projectId}`);
    if (!rows(res).length) throw badRequest('楼栋不属于该项目', [{ path: 'body.buildingId', message: 'not_in_project' }]);
  }
  if (b.roomIds) {
    const ids = [...new Set(b.roomIds)];
    const res = await db.execute(sql`select id from rooms where company_id = ${companyId} and project_id = ${b.projectId} and id = any(${sql.param(ids)}::uuid[])`);
    const found = new Set(rows(res).map((r) => r.id));
    const bad = b.roomIds.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id));
    if (bad.length) throw badRequest('房间不属于该项目', bad.slice(0, 20).map(([, i]) => ({ path: `body.roomIds.${i}`, message: 'not_in_project' })));
  }
  const list = await findCandidates(db, {
    companyId, projectId: b.projectId, dueBefore: todayInShanghai(), minAmountFen: b.minAmountFen ?? 0,
    roomIds: b.roomIds, buildingId: b.buildingId, limit: BATCH_MAX + 1,
  });
  if (list.length > BATCH_MAX) throw badRequest(`一次最多催缴 ${BATCH_MAX} 户，请按楼栋或房间分批`, [{ path: 'body.roomIds', message: 'too_many_rooms' }]);
  return list;
}

export async function previewBatch(db: Executor, actor: Actor, b: z.output<typeof ZReminderBatch>): Promise<z.infer<typeof ZReminderPreview>> {
  const list = await batchCandidates(db, actor, b);
  return {
    asOf: todayInShanghai(), roomCount: list.length, totalFen: list.reduce((s, c) => s + c.totalFen, 0),
    unreachable: list.filter((c) => c.residents === 0).length, rooms: list,
  };
}

/** A manual batch in the caller's (idempotent) transaction: the same rooms the preview lists. */
export async function sendBatch(tx: Tx, ctx: AppContext, actor: Actor, b: z.output<typeof ZReminderBatch>): Promise<Omit<SendResult, 'reminderIds'> & { batchId: string }> {
  const list = await batchCandidates(tx, actor, b);
  const batchId = randomUUID();
  const { reminderIds: _ids, ...sent } = await sendReminders(tx, ctx, actor, { companyId: requireCompany(actor), projectId: b.projectId, ruleId: null, batchId, channels: b.channels }, list);
  return { batchId, ...sent };
}

const reminderOf = (r: any): Reminder => ({
  id: r.id, projectId: r.project_id, projectName: r.project_name, roomId: r.room_id, roomCode: r.room_code, buildingName: r.building_name ?? null,
  ruleId: r.rule_id ?? null, ruleName: r.rule_name ?? null, batchId: r.batch_id ?? null, totalFen: n(r.total_fen), billCount: n(r.bill_count),
  bills: (typeof r.bills === 'string' ? JSON.parse(r.bills) : r.bills) ?? [], channels: r.channels, recipients: n(r.recipients),
  sentBy: r.sent_by ?? null, sentByName: r.sent_by_name ?? null, sentAt: iso(new Date(r.sent_at))!,
});

function historySql(companyId: string, where: SQL, tail: SQL) {
  return sql`
    select m.*, p.name as project_name, ro.code as room_code, bd.name as building_name, rr.name as rule_name, u.name as sent_by_name,
           count(*) over () as n
      from reminders m join projects p on p.id = m.project_id join rooms ro on ro.id = m.room_id
      left join buildings bd on bd.id = ro.building_id
      left join reminder_rules rr on rr.id = m.rule_id
      left join users u on u.id = m.sent_by
     where m.company_id = ${companyId} and ${where}
     order by m.sent_at desc, m.id desc ${tail}`;
}

export async function listReminders(db: Executor, actor: Actor, q: z.output<typeof ZReminderQuery>) {
  const companyId = requireCompany(actor);
  const scope = listProjects(actor, q.projectId);
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (scope !== 'all' && scope.length === 0) return empty;
  if (q.from && q.to && q.from > q.to) throw badRequest('开始日期不能晚于结束日期', [{ path: 'querystring.from', message: 'after_to' }]);
  const day = sql`(m.sent_at at time zone ${BUSINESS_TZ})::date`;
  const conds: SQL[] = [scope === 'all' ? sql`true` : sql`m.project_id = any(${sql.param(scope)}::uuid[])`];
  if (q.roomId) conds.push(sql`m.room_id = ${q.roomId}`);
  if (q.ruleId) conds.push(sql`m.rule_id = ${q.ruleId}`);
  if (q.batchId) conds.push(sql`m.batch_id = ${q.batchId}`);
  if (q.from) conds.push(sql`${day} >= ${q.from}::date`);
  if (q.to) conds.push(sql`${day} <= ${q.to}::date`);
  if (q.reached) conds.push(q.reached === 'yes' ? sql`m.recipients > 0` : sql`m.recipients = 0`);
  const res = rows(await db.execute(historySql(companyId, sql.join(conds, sql` and `), sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)));
  let total = res.length ? n(res[0].n) : 0;
  if (!res.length && q.page > 1) {
    total = n(rows(await db.execute(sql`select count(*) as n from reminders m where m.company_id = ${companyId} and ${sql.join(conds, sql` and `)}`))[0]?.n);
  }
  return { items: res.map(reminderOf), total, page: q.page, pageSize: q.pageSize };
}

/** 催缴记录 of one room (in scope, else 404), newest first, the last 100. */
export async function roomReminders(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const res = rows(await db.execute(historySql(room.companyId, sql`m.room_id = ${room.id}`, sql`limit 100`)));
  return { items: res.map(reminderOf) };
}
