import { and, eq, sql, type SQL } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import type { z } from 'zod';
import { formatArea, type ZBindingDecision, type ZBindingRequest } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { authChanged } from '../../lib/auth-changed.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { phoneFor } from '../../lib/pii.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { record } from '../audit/audit.service.ts';
import { users } from '../auth/auth.table.ts';
import { memberships, membershipRoles, residentRooms, roles } from '../org/org.table.ts';
import { roomBindings } from './bindings.table.ts';
import { rooms } from './estate.table.ts';
import { persons } from './residents.table.ts';
import { cipherOf } from './persons.service.ts';

const relationText: Record<string, string> = { owner: '业主', co_owner: '共有人', tenant: '租户', family: '家庭成员' };

/** Makes the account a resident of the room's company (membership + role) and binds the room. */
async function bind(ctx: AppContext, tx: Executor, b: typeof roomBindings.$inferSelect) {
  let [m] = await tx.select().from(memberships).where(and(eq(memberships.companyId, b.companyId), eq(memberships.userId, b.userId)));
  if (!m) {
    [m] = await tx.insert(memberships).values({ companyId: b.companyId, userId: b.userId, kind: 'resident', displayName: b.name }).returning();
    const [role] = await tx.select().from(roles).where(and(eq(roles.companyId, b.companyId), eq(roles.code, 'resident')));
    await tx.insert(membershipRoles).values({ companyId: b.companyId, membershipId: m!.id, roleId: role!.id });
  }
  await tx.insert(residentRooms).values({ companyId: b.companyId, projectId: b.projectId, membershipId: m!.id, roomId: b.roomId, relation: b.relation, status: 'active' })
    .onConflictDoUpdate({ target: [residentRooms.companyId, residentRooms.membershipId, residentRooms.roomId], set: { status: 'active', relation: b.relation } });
  // a new resident signed in before belonging anywhere now acts in this company
  await tx.execute(sql`update sessions set company_id = ${b.companyId} where user_id = ${b.userId} and company_id is null and revoked_at is null`);
  await authChanged(ctx, tx); // the resident's scope (own rooms) just changed
}

/**
 * A resident asks to be bound to a room. If the name and phone match a person currently related
 * to that room, the binding is approved at once; otherwise the project's customer service decides.
 */
export async function request(ctx: AppContext, actor: Actor, input: z.output<typeof ZBindingRequest>) {
  const db = ctx.database.db;
  const [room] = await db.select().from(rooms).where(eq(rooms.id, input.roomId));
  if (!room) throw notFound('房间');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId!));
  return db.transaction(async (tx) => {
    const [pending] = await tx.select({ id: roomBindings.id }).from(roomBindings)
      .where(and(eq(roomBindings.companyId, room.companyId), eq(roomBindings.userId, user!.id), eq(roomBindings.roomId, room.id), eq(roomBindings.status, 'pending')));
    if (pending) throw conflict('已提交过该房屋的绑定申请，请等待审核');
    const match: any = user!.phone ? await tx.execute(sql`
      select p.id as "personId", rr.relation from persons p
        join room_residents rr on rr.company_id = p.company_id and rr.person_id = p.id and rr.room_id = ${room.id} and rr.valid_to is null
       where p.company_id = ${room.companyId} and p.phone_bidx = ${cipherOf(ctx).blindIndex(user!.phone)} and p.name = ${input.name}
       limit 1`) : { rows: [] };
    const matched = match.rows[0];
    const [b] = await tx.insert(roomBindings).values({
      companyId: room.companyId, projectId: room.projectId, roomId: room.id, userId: user!.id, name: input.name,
      relation: matched?.relation ?? input.relation, status: matched ? 'approved' : 'pending', decidedBy: matched ? 'match' : null,
      decidedAt: matched ? new Date() : null,
    }).returning();
    const auditActor = { ...actor, companyId: room.companyId };
    if (matched) {
      await bind(ctx, tx, b!);
      await tx.update(persons).set({ userId: user!.id }).where(eq(persons.id, matched.personId));
      await record(tx, auditActor, 'binding.approved', { type: 'room_binding', id: b!.id, projectId: room.projectId }, null, { decidedBy: 'match', room: room.code });
    } else {
      await record(tx, auditActor, 'binding.requested', { type: 'room_binding', id: b!.id, projectId: room.projectId }, null, { room: room.code, relation: input.relation });
      await ctx.notifier.notify(tx, 'binding.requested', { companyId: room.companyId, projectId: room.projectId, role: { code: 'customer_service', projectId: room.projectId } },
        { name: input.name, room: room.code, relation: relationText[input.relation] });
    }
    return { id: b!.id, status: b!.status };
  });
}

export async function decide(ctx: AppContext, actor: Actor, id: string, approve: boolean, input: z.output<typeof ZBindingDecision>) {
  requireCompany(actor);
  return ctx.database.db.transaction(async (tx) => {
    const b = await lockInScope(tx, roomBindings, actor, id, '绑定申请', input.version);
    if (b.status !== 'pending') throw conflict(`申请已处理（${b.status}）`);
    const [after] = await tx.update(roomBindings).set({
      status: approve ? 'approved' : 'rejected', decidedBy: 'staff', reviewerId: actor.userId, note: input.note ?? null, decidedAt: new Date(),
      version: sql`${roomBindings.version} + 1`,
    }).where(eq(roomBindings.id, id)).returning();
    if (approve) await bind(ctx, tx, after!);
    const [room] = await tx.select({ code: rooms.code }).from(rooms).where(eq(rooms.id, b.roomId));
    await record(tx, actor, approve ? 'binding.approved' : 'binding.rejected', { type: 'room_binding', id, projectId: b.projectId }, { status: 'pending' }, { status: after!.status, note: input.note ?? null });
    await ctx.notifier.notify(tx, 'binding.decided', { companyId: null, userIds: [b.userId] },
      { room: room!.code, result: approve ? '已通过' : '未通过', note: input.note ?? '' });
    return { id, status: after!.status };
  });
}

export async function list(ctx: AppContext, actor: Actor, q: { status?: string; projectId?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(roomBindings.companyId, requireCompany(actor)), projectScope(actor, roomBindings.projectId, q.projectId)];
  if (q.status) conds.push(sql`${roomBindings.status} = ${q.status}`);
  const where = and(...conds);
  const db = ctx.database.db;
  const [rows, [n]] = await Promise.all([
    db.execute(sql`select b.*, r.code as room_code, p.name as project_name, u.phone from room_bindings b
                     join rooms r on r.id = b.room_id join projects p on p.id = b.project_id join users u on u.id = b.user_id
                    where b.id in (select id from room_bindings where ${where}) order by b.created_at desc
                    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.select({ n: sql<number>`count(*)::int` }).from(roomBindings).where(where),
  ]) as any;
  return {
    items: rows.rows.map((r: any) => ({
      id: r.id, projectId: r.project_id, projectName: r.project_name, roomId: r.room_id, roomCode: r.room_code, userId: r.user_id, name: r.name,
      phone: phoneFor(actor, r.phone), relation: r.relation, status: r.status, decidedBy: r.decided_by, note: r.note, version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    total: Number(n!.n), page: q.page, pageSize: q.pageSize,
  };
}

/** The resident's own rooms in the current company: the "own rooms" scope made visible. */
export async function myRooms(ctx: AppContext, actor: Actor) {
  if (!actor.membershipId) return [];
  const res: any = await ctx.database.db.execute(sql`
    select rr.room_id as "roomId", r.code as "roomCode", rr.project_id as "projectId", p.name as "projectName", rr.relation, r.building_area as area
      from resident_rooms rr join rooms r on r.id = rr.room_id join projects p on p.id = rr.project_id
     where rr.company_id = ${actor.companyId} and rr.membership_id = ${actor.membershipId} and rr.status = 'active'
     order by p.name, r.code`);
  return res.rows.map((r: any) => ({ ...r, buildingArea: formatArea(Number(r.area)), area: undefined }));
}

