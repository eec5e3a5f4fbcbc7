import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { likeEscape } from '../../lib/like.ts';
import { today } from '../billing/late-fees.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { cipherOf } from '../estate/persons.service.ts';
import { owedBills, totalDue } from './owed-bills.ts';

const HITS = 20;

/**
 * The actor's project scope on `<alias>.project_id` of a raw-SQL query (lib/scope-sql's projectScope
 * takes a drizzle column): an explicit project narrows it; another project is simply no hit.
 */
export function projectScopeByAlias(actor: Actor, alias: string, projectId?: string): SQL {
  const ids = listProjects(actor, projectId);
  if (ids === 'all') return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${sql.raw(alias)}.project_id = any(${sql.param(ids)}::uuid[])`;
}

/** the room's current owner (first owner, else co-owner) as the counter shows it */
const ownerJoin = sql`left join lateral (
    select p.name, p.phone_masked from room_residents rr join persons p on p.id = rr.person_id
    where rr.company_id = r.company_id and rr.room_id = r.id and rr.relation in ('owner', 'co_owner')
      and rr.valid_from <= current_date and (rr.valid_to is null or rr.valid_to >= current_date)
    order by rr.relation, rr.valid_from limit 1) o on true`;

/**
 * 收银台 search: a room code (prefix), an owner or resident name (prefix), or a full mobile number
 * (matched through its blind index: phones are encrypted at rest). At most 20 hits with what each owes.
 */
export async function searchRooms(ctx: AppContext, actor: Actor, q: { q: string; projectId?: string }) {
  const db = ctx.database.db;
  const companyId = requireCompany(actor);
  const text = q.q.trim();
  if (!text) return { items: [] };
  const byPerson = /^1[3-9]\d{9}$/.test(text)
    ? sql`p.phone_bidx = ${cipherOf(ctx).blindIndex(text)}`
    : sql`p.name like ${`${likeEscape(text)}%`}`;
  const rows = rowsOf(await db.execute(sql`
    select r.id, r.project_id, pr.name as project_name, r.code, b.name as building_name, o.name as owner_name, o.phone_masked,
      (select coalesce(sum(e.amount_fen), 0) from ledger_entries e where e.company_id = r.company_id and e.room_id = r.id and e.account = 'receivable')::bigint as outstanding
    from rooms r join projects pr on pr.id = r.project_id left join buildings b on b.id = r.building_id ${ownerJoin}
    where r.company_id = ${companyId} and ${projectScopeByAlias(actor, 'r', q.projectId)}
      and (r.code like ${`${likeEscape(text)}%`} or r.id in (
        select rr.room_id from room_residents rr join persons p on p.id = rr.person_id
        where rr.company_id = ${companyId} and (rr.valid_to is null or rr.valid_to >= current_date) and ${byPerson}))
    order by pr.name, r.code limit ${HITS}`));
  return {
    items: rows.map((r) => ({
      roomId: r.id, projectId: r.project_id, projectName: r.project_name, code: r.code, buildingName: r.building_name,
      ownerName: r.owner_name, ownerPhone: r.phone_masked, outstandingFen: Number(r.outstanding),
    })),
  };
}

/** The counter's view of one room: unpaid bills with today's late fee, oldest due first, and what it holds. */
export async function counterRoom(db: Executor, actor: Actor, roomId: string) {
  const companyId = requireCompany(actor);
  const room = await getRoom(db, actor, roomId);
  const day = today();
  const [head] = rowsOf(await db.execute(sql`
    select pr.name as project_name, b.name as building_name, o.name as owner_name, o.phone_masked,
      (select coalesce(sum(balance_fen), 0) from account_balances ab where ab.company_id = r.company_id and ab.room_id = r.id and ab.account = 'prepaid')::bigint as prepaid,
      (select coalesce(sum(balance_fen), 0) from account_balances ab where ab.company_id = r.company_id and ab.room_id = r.id and ab.account = 'deposit')::bigint as deposit
    from rooms r join projects pr on pr.id = r.project_id left join buildings b on b.id = r.building_id ${ownerJoin}
    where r.company_id = ${companyId} and r.id = ${room.id}`));
  const bills = (await owedBills(db, companyId, room.id, day)).map((b) => ({
    billId: b.billId, feeItemId: b.feeItemId, feeItemName: b.feeItemName, periodFrom: b.periodFrom, periodTo: b.periodTo, dueDate: b.dueDate,
    principalOutstandingFen: b.principalOutstandingFen, lateFeeFen: b.lateFeePostedOutstandingFen + b.lateFeeUnpostedFen, totalDueFen: totalDue(b),
    overdue: b.dueDate < day,
  }));
  return {
    roomId: room.id, projectId: room.projectId, projectName: head.project_name, code: room.code, buildingName: head.building_name,
    ownerName: head.owner_name, ownerPhone: head.phone_masked ?? null, bills,
    totalDueFen: bills.reduce((s, b) => s + b.totalDueFen, 0), prepaidFen: Number(head.prepaid), depositFen: Number(head.deposit),
  };
}

