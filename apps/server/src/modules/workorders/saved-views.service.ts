import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSavedViewCreate } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { savedViews } from './workorders.table.ts';

type View = typeof savedViews.$inferSelect;
const view = (v: View) => ({ id: v.id, page: v.page, name: v.name, filters: v.filters as Record<string, unknown>, createdAt: v.createdAt.toISOString() });

/** A user's own saved filters for one list page; nobody else's are visible. */
export async function listViews(db: Executor, actor: Actor, page: string) {
  const rows = await db.select().from(savedViews)
    .where(and(eq(savedViews.companyId, requireCompany(actor)), eq(savedViews.userId, actor.userId!), eq(savedViews.page, page))).orderBy(asc(savedViews.name));
  return rows.map(view);
}

/** Saving under an existing name replaces that view's filters. */
export async function saveView(db: AppDb, actor: Actor, input: z.output<typeof ZSavedViewCreate>) {
  const companyId = requireCompany(actor);
  const [v] = await db.insert(savedViews).values({ companyId, userId: actor.userId!, ...input })
    .onConflictDoUpdate({ target: [savedViews.companyId, savedViews.userId, savedViews.page, savedViews.name], set: { filters: input.filters } }).returning();
  return view(v!);
}

export async function deleteView(db: AppDb, actor: Actor, id: string) {
  const gone = await db.delete(savedViews)
    .where(and(eq(savedViews.companyId, requireCompany(actor)), eq(savedViews.userId, actor.userId!), eq(savedViews.id, id))).returning({ id: savedViews.id });
  if (gone.length === 0) throw notFound('视图');
  return { ok: true as const };
}
