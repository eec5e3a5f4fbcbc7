import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZProjectCreate, ZProjectUpdate, Project } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { assertProject, requireCompany, requireProjectInScope, type Actor } from '../../lib/actor.ts';
import type { Executor } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { checkVersioned } from '../../lib/versioned.ts';
import { record } from '../audit/audit.service.ts';
import { projects } from './org.table.ts';

const area = (v: number | null) => (v == null ? null : `${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}`);
const view = (p: typeof projects.$inferSelect): Project => ({
  id: p.id, companyId: p.companyId, code: p.code, name: p.name, status: p.status, version: p.version, createdAt: p.createdAt.toISOString(),
  type: p.type, address: p.address, longitude: p.longitude, latitude: p.latitude, landArea: area(p.landArea), floorArea: area(p.floorArea),
  developer: p.developer, contractStart: p.contractStart, contractEnd: p.contractEnd, roomCodePattern: p.roomCodePattern,
});

export async function list(ctx: AppContext, actor: Actor) {
  const companyId = requireCompany(actor);
  const scope = actor.projectIds === 'all' ? sql`true` : projectScope({ ...actor, selectedProjectId: null }, projects.id);
  const rows = await ctx.database.db.select().from(projects).where(and(eq(projects.companyId, companyId), scope)).orderBy(asc(projects.code));
  return rows.map(view);
}

export async function get(ctx: AppContext, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  assertProject(actor, id);
  const [p] = await ctx.database.db.select().from(projects).where(and(eq(projects.companyId, companyId), eq(projects.id, id)));
  if (!p) throw notFound('项目');
  return view(p);
}

export async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof ZProjectCreate>) {
  const companyId = requireCompany(actor);
  if (actor.projectIds !== 'all') throw forbidden('只有总部可以新建项目');
  return ctx.database.db.transaction(async (tx) => {
    const [p] = await tx.insert(projects).values({ companyId, ...input }).returning();
    await record(tx, actor, 'project.created', { type: 'project', id: p!.id, projectId: p!.id }, null, view(p!));
    return view(p!);
  });
}

export async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ZProjectUpdate>) {
  const before = await get(ctx, actor, id);
  const { version, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    const rows = await tx.update(projects).set({ ...changes, version: sql`${projects.version} + 1` })
      .where(and(eq(projects.companyId, before.companyId), eq(projects.id, id), eq(projects.version, version))).returning();
    const p = await checkVersioned(rows, async () => true, '项目');
    await record(tx, actor, 'project.updated', { type: 'project', id, projectId: id }, before, view(p));
    return view(p);
  });
}

export async function projectExists(db: Executor, companyId: string, projectId: string): Promise<boolean> {
  const [p] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.companyId, companyId), eq(projects.id, projectId)));
  return !!p;
}

/** 404 unless the project is the actor's company's and within the actor's scope. */
export const checkProject = (db: Executor, actor: Actor, projectId: string) =>
  requireProjectInScope((c, p) => projectExists(db, c, p), actor, projectId);
