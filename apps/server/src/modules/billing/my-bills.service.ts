import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZMyBillQuery } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { rooms } from '../estate/estate.table.ts';
import { feeItems } from './billing.table.ts';
import { billRowsOf, getBillDetail } from './bills-query.service.ts';
import { today } from './late-fees.service.ts';
import { bills } from './ledger.table.ts';
import { statementOf, statementRange } from './statement.service.ts';

/**
 * The resident app's 我的账单. A resident reads only bills of rooms they are bound to today
 * (resident_rooms active, like my-home); any other bill or room — a neighbour's included — is
 * 404. Void bills are not shown: nothing is owed on them and the resident never saw them issued.
 */
async function myRooms(db: Executor, actor: Actor, roomId?: string): Promise<{ companyId: string; ids: string[] }> {
  if (!actor.companyId || !actor.membershipId) throw notFound('房屋');
  const res: any = await db.execute(sql`
    select rr.room_id as id from resident_rooms rr
     where rr.company_id = ${actor.companyId} and rr.membership_id = ${actor.membershipId} and rr.status = 'active'
       ${roomId ? sql`and rr.room_id = ${roomId}` : sql``}`);
  const ids = (res.rows as { id: string }[]).map((r) => r.id);
  if (roomId && ids.length === 0) throw notFound('房屋');
  return { companyId: actor.companyId, ids };
}

const owed = sql`(select coalesce(sum(e.amount_fen), 0) from ledger_entries e
  where e.company_id = ${bills.companyId} and e.bill_id = ${bills.id} and e.account = 'receivable')`;



/** The resident's bills, unpaid first (oldest due first), then paid ones newest first; a page at a time. */
export async function myBills(db: Executor, actor: Actor, q: z.output<typeof ZMyBillQuery>) {
  const { companyId, ids } = await myRooms(db, actor, q.roomId);
  if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const conds = [eq(bills.companyId, companyId), sql`${bills.roomId} = any(${sql.param(ids)}::uuid[])`, eq(bills.status, 'live')];
  if (q.status === 'unpaid') conds.push(sql`${owed} > 0`);
  if (q.status === 'paid') conds.push(sql`${owed} <= 0`);
  const where = and(...conds);
  const [page, [n]] = await Promise.all([
    db.select({ b: bills, feeItemName: feeItems.name, targetCode: rooms.code }).from(bills)
      .innerJoin(feeItems, eq(feeItems.id, bills.feeItemId)).innerJoin(rooms, eq(rooms.id, bills.roomId)).where(where)
      .orderBy(sql`case when ${owed} > 0 then 0 else 1 end`, sql`case when ${owed} > 0 then ${bills.dueDate} end`, desc(bills.periodFrom), desc(bills.id))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(bills).where(where),
  ]);
  return { items: await billRowsOf(db, companyId, page, today()), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

/** One of the resident's bills: lines, what is owed today (live late fee), the late fee worked out, its entries. */
export async function myBill(db: Executor, actor: Actor, id: string) {
  const { companyId, ids } = await myRooms(db, actor);
  const [b] = await db.select({ roomId: bills.roomId, status: bills.status }).from(bills).where(and(eq(bills.companyId, companyId), eq(bills.id, id)));
  if (!b || !b.roomId || !ids.includes(b.roomId) || b.status !== 'live') throw notFound('账单');
  // staff names on waivers are not the resident's business
  const { waivers: _waivers, ...detail } = await getBillDetail(db, actor, id);
  return detail;
}

/** The statement of one of the resident's rooms. */
export async function myStatement(db: Executor, actor: Actor, roomId: string, q: { from?: string; to?: string }) {
  const { companyId } = await myRooms(db, actor, roomId);
  const { from, to } = statementRange(q);
  const res: any = await db.execute(sql`select id, code, project_id as "projectId" from rooms where company_id = ${companyId} and id = ${roomId}`);
  const room = res.rows[0];
  if (!room) throw notFound('房屋');
  return statementOf(db, { ...room, companyId }, from, to);
}
