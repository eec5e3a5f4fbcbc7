import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Shift, ShiftPreview, ShiftTotals, ZShiftCreate, ZShiftQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { businessNow, dayjs, BUSINESS_TZ } from '../../lib/time.ts';
import { users } from '../auth/auth.table.ts';
import { record } from '../audit/audit.service.ts';
import { memberships, projects } from '../org/org.table.ts';
import { checkProject } from '../org/projects.service.ts';
import { cashierShifts } from './payments.table.ts';

/**
 * 交班: a cashier hands over the payments they took in a project since their previous hand-over
 * there (the first one: since the start of today). Totals are computed by the server and stored:
 * every payment taken in the window (voided ones too), the voids made in it of the cashier's
 * payments, the refunds they requested that succeeded in it; the drawer should hold cash received −
 * cash voided − cash refunded, and the count's difference from that is shown.
 */

type Row = typeof cashierShifts.$inferSelect;
const cashierU = alias(users, 'cashier_u');
const handedU = alias(users, 'handed_u');

export async function shiftTotals(db: Executor, companyId: string, projectId: string, cashierId: string, fromAt: Date, toAt: Date): Promise<ShiftTotals> {
  const rows = async (s: SQL) => ((await db.execute(s)) as any).rows as any[];
  const window = (col: SQL) => sql`${col} > ${fromAt.toISOString()}::timestamptz and ${col} <= ${toAt.toISOString()}::timestamptz`;
  const mine = sql`p.company_id = ${companyId} and p.project_id = ${projectId} and p.created_by = ${cashierId}`;
  // one after the other: inside a transaction the queries share one connection
  const taken = await rows(sql`select channel, count(*)::int as n, sum(amount_fen)::bigint as fen from payments p where ${mine} and ${window(sql`p.created_at`)} group by 1`);
  const voided = await rows(sql`select channel, count(*)::int as n, sum(amount_fen)::bigint as fen from payments p where ${mine} and p.status = 'voided' and ${window(sql`p.voided_at`)} group by 1`);
  const refunds = await rows(sql`select case when r.channel = 'original' then coalesce(p.channel, 'cash') else r.channel end as channel, sum(r.amount_fen)::bigint as fen
      from refunds r left join payments p on p.id = r.payment_id
      where r.company_id = ${companyId} and r.project_id = ${projectId} and r.requested_by = ${cashierId} and r.status = 'succeeded' and ${window(sql`r.completed_at`)}
      group by 1`);
  const sum = (list: any[], channel?: string) => list.filter((r) => !channel || r.channel === channel).reduce((s, r) => s + Number(r.fen), 0);
  return {
    count: taken.reduce((s, r) => s + Number(r.n), 0),
    amountFen: sum(taken),
    byChannel: { cash: sum(taken, 'cash'), transfer: sum(taken, 'transfer'), pos: sum(taken, 'pos'), online: sum(taken, 'online') },
    voidsCount: voided.reduce((s, r) => s + Number(r.n), 0),
    voidsFen: sum(voided),
    refundsFen: sum(refunds),
    expectedCashFen: sum(taken, 'cash') - sum(voided, 'cash') - sum(refunds, 'cash'),
  };
}

/** where the next hand-over's window starts: the previous one's end, else the start of today */
async function windowStart(db: Executor, companyId: string, projectId: string, cashierId: string): Promise<Date> {
  const [prev] = await db.select({ toAt: cashierShifts.toAt }).from(cashierShifts)
    .where(and(eq(cashierShifts.companyId, companyId), eq(cashierShifts.projectId, projectId), eq(cashierShifts.cashierId, cashierId)))
    .orderBy(desc(cashierShifts.toAt)).limit(1);
  return prev?.toAt ?? businessNow().startOf('day').toDate();
}

function cashier(actor: Actor): string {
  if (!actor.userId) throw forbidden('交班须由收银员本人登录操作');
  return actor.userId;
}

/** the project a hand-over is for: the one named, else the switcher's, else the first visible */
async function pickProject(db: Executor, actor: Actor, projectId?: string): Promise<string> {
  const companyId = requireCompany(actor);
  if (projectId) { await checkProject(db, actor, projectId); return projectId; }
  const ids = listProjects(actor);
  const [p] = await db.select({ id: projects.id }).from(projects)
    .where(and(eq(projects.companyId, companyId), ids === 'all' ? sql`true` : ids.length ? sql`${projects.id} in (${sql.join(ids.map((x) => sql`${x}::uuid`), sql`, `)})` : sql`false`))
    .orderBy(projects.code, projects.id).limit(1);
  if (!p) throw notFound('项目');
  return p.id;
}

export async function previewShift(db: Executor, actor: Actor, projectId?: string): Promise<ShiftPreview> {
  const companyId = requireCompany(actor);
  const pid = await pickProject(db, actor, projectId);
  const me = cashier(actor);
  const fromAt = await windowStart(db, companyId, pid, me);
  const toAt = new Date();
  const res: any = await db.execute(sql`select u.id, u.name from memberships m join users u on u.id = m.user_id
    where m.company_id = ${companyId} and m.kind = 'staff' and m.status = 'active' and m.user_id <> ${me}
      and (m.all_projects or exists (select 1 from membership_projects mp where mp.membership_id = m.id and mp.project_id = ${pid}))
    order by u.name, u.id limit 200`);
  return {
    projectId: pid, fromAt: fromAt.toISOString(), toAt: toAt.toISOString(), totals: await shiftTotals(db, companyId, pid, me, fromAt, toAt),
    colleagues: (res.rows as any[]).map((r) => ({ userId: r.id, name: r.name })),
  };
}

export async function createShift(db: AppDb, actor: Actor, input: z.output<typeof ZShiftCreate>): Promise<Shift> {
  const companyId = requireCompany(actor);
  const me = cashier(actor);
  await checkProject(db, actor, input.projectId);
  if (input.handedTo) {
    const [m] = await db.select({ id: memberships.id }).from(memberships)
      .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, input.handedTo), eq(memberships.kind, 'staff'), eq(memberships.status, 'active')));
    if (!m) throw badRequest('接班人不是本公司的在职员工', [{ path: 'body.handedTo', message: 'unknown_user' }]);
    if (input.handedTo === me) throw badRequest('不能交班给自己', [{ path: 'body.handedTo', message: 'self' }]);
  }
  const id = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`shift:${companyId}:${input.projectId}:${me}`}))`);
    const fromAt = await windowStart(tx, companyId, input.projectId, me);
    const toAt = new Date(Math.max(Date.now(), fromAt.getTime() + 1));
    const totals = await shiftTotals(tx, companyId, input.projectId, me, fromAt, toAt);
    const [row] = await tx.insert(cashierShifts).values({
      companyId, projectId: input.projectId, cashierId: me, fromAt, toAt, totals, cashCountedFen: input.cashCountedFen ?? null,
      handedTo: input.handedTo ?? null, note: input.note ?? null,
    }).returning();
    await record(tx, actor, 'payment.shift_handed_over', { type: 'cashier_shift', id: row!.id, projectId: input.projectId }, null, row);
    return row!.id;
  });
  const [view] = await shiftRows(db, and(eq(cashierShifts.companyId, companyId), eq(cashierShifts.id, id))!, 1, 0);
  return view!;
}

async function shiftRows(db: Executor, where: SQL, limit: number, offset: number): Promise<Shift[]> {
  const rows = await db.select({ s: cashierShifts, projectName: projects.name, cashierName: cashierU.name, handedToName: handedU.name }).from(cashierShifts)
    .innerJoin(projects, eq(projects.id, cashierShifts.projectId))
    .leftJoin(cashierU, eq(cashierU.id, cashierShifts.cashierId)).leftJoin(handedU, eq(handedU.id, cashierShifts.handedTo))
    .where(where).orderBy(desc(cashierShifts.toAt), desc(cashierShifts.id)).limit(limit).offset(offset);
  return rows.map(({ s, projectName, cashierName, handedToName }) => view(s, projectName, cashierName, handedToName));
}

function view(s: Row, projectName: string, cashierName: string | null, handedToName: string | null): Shift {
  const totals = s.totals as ShiftTotals;
  return {
    id: s.id, projectId: s.projectId, projectName, cashierId: s.cashierId, cashierName, fromAt: s.fromAt.toISOString(), toAt: s.toAt.toISOString(), totals,
    cashCountedFen: s.cashCountedFen, cashDifferenceFen: s.cashCountedFen === null ? null : s.cashCountedFen - totals.expectedCashFen,
    handedTo: s.handedTo, handedToName, note: s.note, createdAt: s.createdAt.toISOString(),
  };
}

const dayStart = (d: string) => dayjs.tz(d, BUSINESS_TZ).startOf('day').toDate();

export async function listShifts(db: Executor, actor: Actor, q: z.output<typeof ZShiftQuery>) {
  const companyId = requireCompany(actor);
  const where: SQL[] = [eq(cashierShifts.companyId, companyId), projectScope(actor, cashierShifts.projectId, q.projectId)];
  if (q.cashierId) where.push(eq(cashierShifts.cashierId, q.cashierId));
  if (q.from) where.push(gte(cashierShifts.toAt, dayStart(q.from)));
  if (q.to) where.push(lt(cashierShifts.toAt, dayjs.tz(q.to, BUSINESS_TZ).add(1, 'day').startOf('day').toDate()));
  const cond = and(...where)!;
  const [items, [count]] = await Promise.all([
    shiftRows(db, cond, q.pageSize, (q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(cashierShifts).where(cond),
  ]);
  return { items, total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
