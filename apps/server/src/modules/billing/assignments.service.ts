import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAssignmentCreate, ZAssignmentEnd } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { record } from '../audit/audit.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { parkingSpaces } from '../estate/estate.table.ts';
import { checkProject } from '../org/projects.service.ts';
import { chargeAssignments, chargeStandards, feeItems } from './billing.table.ts';
import { standardForAssignment } from './standards.service.ts';

type Input = z.output<typeof ZAssignmentCreate>;
type Target = Input['target'];

/** Ids named in the target must all be of the project: any other is a 400 on that field, listing them. */
async function checkTargetIds(db: Executor, companyId: string, projectId: string, target: Target) {
  const named = target.by === 'building' ? { table: 'buildings', ids: target.buildingIds, path: 'body.target.buildingIds', what: '楼栋' }
    : target.by === 'rooms' ? { table: 'rooms', ids: target.roomIds, path: 'body.target.roomIds', what: '房间' }
      : target.by === 'parking' ? { table: 'parking_spaces', ids: target.parkingSpaceIds, path: 'body.target.parkingSpaceIds', what: '车位' } : null;
  if (!named) return;
  const res = await db.execute(sql`select x.id::text as id from unnest(${sql.param([...new Set(named.ids)])}::uuid[]) as x(id)
    where not exists (select 1 from ${sql.identifier(named.table)} t where t.company_id = ${companyId} and t.project_id = ${projectId} and t.id = x.id)`);
  const foreign = rowsOf(res).map((r) => r.id as string);
  if (foreign.length) throw badRequest(`${foreign.length} 个${named.what}不属于该项目`, [{ path: named.path, message: 'not_in_project', ids: foreign.slice(0, 20) }]);
}

/** The rooms or spaces a target selects, as (room_id, space_id, code) rows: SQL to embed in a CTE. */
function candidates(companyId: string, projectId: string, target: Target): SQL {
  if (target.by === 'parking') {
    return sql`select null::uuid as room_id, p.id as space_id, p.code from parking_spaces p
      where p.company_id = ${companyId} and p.project_id = ${projectId} and p.id = any(${sql.param(target.parkingSpaceIds)}::uuid[])`;
  }
  const cond = target.by === 'project' ? sql`true`
    : target.by === 'building' ? sql`r.building_id = any(${sql.param(target.buildingIds)}::uuid[])`
      : target.by === 'room_type' ? sql`r.type = any(${sql.param(target.roomTypes)}::text[])`
        : sql`r.id = any(${sql.param(target.roomIds)}::uuid[])`;
  return sql`select r.id as room_id, null::uuid as space_id, r.code from rooms r where r.company_id = ${companyId} and r.project_id = ${projectId} and ${cond}`;
}

/** Candidates already carrying the same fee item on a day of [from, to]: the same item twice would bill twice. */
const clashes = (companyId: string, feeItemId: string, input: Input) => sql`exists (select 1 from charge_assignments a
  where a.company_id = ${companyId} and a.fee_item_id = ${feeItemId}
    and (a.room_id = c.room_id or a.parking_space_id = c.space_id)
    and a.valid_from <= coalesce(${input.to}::date, '9999-12-31'::date) and coalesce(a.valid_to, '9999-12-31'::date) >= ${input.from}::date)`;

async function prepare(db: Executor, actor: Actor, input: Input) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  const standard = await standardForAssignment(db, actor, input.standardId);
  if (standard.projectId !== null && standard.projectId !== input.projectId) {
    throw badRequest('该收费标准属于其他项目', [{ path: 'body.standardId', message: 'other_project' }]);
  }
  if (standard.status !== 'active') throw conflict('收费标准已停用', [{ path: 'body.standardId', message: 'archived' }]);
  await checkTargetIds(db, companyId, input.projectId, input.target);
  return { companyId, standard };
}

async function count(db: Executor, companyId: string, feeItemId: string, input: Input) {
  const res = await db.execute(sql`with c as (${candidates(companyId, input.projectId, input.target)})
    select (select count(*)::int from c) as matched,
           (select count(*)::int from c where ${clashes(companyId, feeItemId, input)}) as conflicts,
           coalesce((select array_agg(code order by code) from (select code from c where ${clashes(companyId, feeItemId, input)} order by code limit 10) s), '{}') as codes`);
  const row = rowsOf(res)[0];
  return { matched: Number(row.matched), conflicts: Number(row.conflicts), conflictCodes: (row.codes ?? []) as string[] };
}

/** How many rooms / spaces the assignment would cover and how many already carry the fee item then. */
export async function previewAssignment(db: Executor, actor: Actor, input: Input) {
  const { companyId, standard } = await prepare(db, actor, input);
  const n = await count(db, companyId, standard.feeItemId, input);
  return { ...n, assigned: n.matched - n.conflicts, created: false };
}

/**
 * Assigns the standard to every selected room or space in one `INSERT … SELECT`, or to none: a
 * clash with the same fee item is a 409 naming a few of them (the preview shows them all up front).
 * A per-project advisory lock keeps two assignments from passing the check together.
 */
export async function createAssignment(db: Executor, actor: Actor, input: Input) {
  const { companyId, standard } = await prepare(db, actor, input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`charge_assignments:${companyId}:${input.projectId}`}))`);
    const n = await count(tx, companyId, standard.feeItemId, input);
    if (n.conflicts) {
      throw conflict(`${n.conflicts} 个房间/车位在该期间已有同一收费项目的标准：${n.conflictCodes.join('、')}${n.conflicts > n.conflictCodes.length ? ' 等' : ''}`,
        [{ path: 'body.target', message: 'fee_item_already_assigned', conflicts: n.conflicts, codes: n.conflictCodes }]);
    }
    if (!n.matched) throw badRequest('没有符合条件的房间或车位', [{ path: 'body.target', message: 'nothing_selected' }]);
    const res = await tx.execute(sql`insert into charge_assignments (id, company_id, project_id, standard_id, fee_item_id, room_id, parking_space_id, valid_from, valid_to, created_by)
      select uuid_v7(), ${companyId}, ${input.projectId}, ${standard.id}, ${standard.feeItemId}, c.room_id, c.space_id, ${input.from}::date, ${input.to}::date, ${actor.userId}
        from (${candidates(companyId, input.projectId, input.target)}) c`);
    const assigned = Number((res as any).affectedRows ?? (res as any).rowCount ?? n.matched);
    await record(tx, actor, 'billing.assigned', { type: 'charge_standard', id: standard.id, projectId: input.projectId }, null,
      { standardId: standard.id, target: input.target, from: input.from, to: input.to, assigned });
    return { ...n, assigned, created: true };
  });
}

const assignmentSelect = (db: Executor) => db.select({
  a: chargeAssignments, standardCode: chargeStandards.code, standardName: chargeStandards.name, feeItemName: feeItems.name,
}).from(chargeAssignments).innerJoin(chargeStandards, eq(chargeStandards.id, chargeAssignments.standardId)).innerJoin(feeItems, eq(feeItems.id, chargeAssignments.feeItemId));

const assignmentView = (r: { a: typeof chargeAssignments.$inferSelect; standardCode: string; standardName: string; feeItemName: string }) => ({
  id: r.a.id, projectId: r.a.projectId, standardId: r.a.standardId, standardCode: r.standardCode, standardName: r.standardName,
  feeItemId: r.a.feeItemId, feeItemName: r.feeItemName, roomId: r.a.roomId, parkingSpaceId: r.a.parkingSpaceId,
  validFrom: r.a.validFrom, validTo: r.a.validTo, version: r.a.version,
});

export async function roomAssignments(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rows = await assignmentSelect(db).where(and(eq(chargeAssignments.companyId, room.companyId), eq(chargeAssignments.roomId, roomId)))
    .orderBy(asc(feeItems.code), asc(chargeAssignments.validFrom));
  return rows.map(assignmentView);
}

export async function spaceAssignments(db: Executor, actor: Actor, spaceId: string) {
  const companyId = requireCompany(actor);
  const [p] = await db.select({ projectId: parkingSpaces.projectId }).from(parkingSpaces).where(and(eq(parkingSpaces.companyId, companyId), eq(parkingSpaces.id, spaceId)));
  if (!p || !canSeeProject(actor, p.projectId)) throw notFound('车位');
  const rows = await assignmentSelect(db).where(and(eq(chargeAssignments.companyId, companyId), eq(chargeAssignments.parkingSpaceId, spaceId)))
    .orderBy(asc(feeItems.code), asc(chargeAssignments.validFrom));
  return rows.map(assignmentView);
}

/** Ends an assignment on a day (inclusive). It can be shortened, not stretched past an end already set. */
export async function endAssignment(db: Executor, actor: Actor, id: string, input: z.output<typeof ZAssignmentEnd>) {
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, chargeAssignments, actor, id, '收费标准分配', input.version);
    if (input.to < before.validFrom) throw badRequest(`结束日期不能早于开始日期 ${before.validFrom}`, [{ path: 'body.to', message: 'before_start' }]);
    if (before.validTo !== null && input.to > before.validTo) throw conflict(`该分配已于 ${before.validTo} 结束，只能提前，不能延后`, [{ path: 'body.to', message: 'after_current_end' }]);
    await tx.update(chargeAssignments).set({ validTo: input.to, version: sql`${chargeAssignments.version} + 1` }).where(eq(chargeAssignments.id, id));
    await record(tx, actor, 'billing.assignment_ended', { type: 'charge_assignment', id, projectId: before.projectId }, { validTo: before.validTo }, { validTo: input.to });
    const [row] = await assignmentSelect(tx).where(eq(chargeAssignments.id, id));
    return assignmentView(row!);
  });
}
