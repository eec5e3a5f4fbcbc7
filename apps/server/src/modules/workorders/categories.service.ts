import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZWoCategoryCreate, ZWoCategoryUpdate } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound, staleVersion } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { feeItems } from '../billing/billing.table.ts';
import { woCategories } from './workorders.table.ts';

type Category = typeof woCategories.$inferSelect;

/** The order's category row (null for an order without one). */
export async function categoryOf(db: Executor, o: { companyId: string; categoryId: string | null }): Promise<Category | null> {
  if (!o.categoryId) return null;
  const [c] = await db.select().from(woCategories).where(and(eq(woCategories.companyId, o.companyId), eq(woCategories.id, o.categoryId)));
  return c ?? null;
}
export const categoryView = (c: Category) => ({
  id: c.id, code: c.code, name: c.name, defaultPriority: c.defaultPriority, sla: c.sla as any, clock: c.clock, skill: c.skill,
  chargeable: c.chargeable, feeItemId: c.feeItemId, status: c.status, sort: c.sort, version: c.version,
});

export async function listCategories(db: Executor, actor: Actor, opts: { activeOnly?: boolean } = {}) {
  const companyId = requireCompany(actor);
  const rows = await db.select().from(woCategories)
    .where(and(eq(woCategories.companyId, companyId), opts.activeOnly ? eq(woCategories.status, 'active') : undefined))
    .orderBy(asc(woCategories.sort), asc(woCategories.code));
  return rows.map(categoryView);
}

async function checkFeeItem(db: Executor, companyId: string, feeItemId: string | null) {
  if (!feeItemId) return;
  const [f] = await db.select({ id: feeItems.id }).from(feeItems).where(and(eq(feeItems.companyId, companyId), eq(feeItems.id, feeItemId)));
  if (!f) throw badRequest('收费项目不存在', [{ path: 'body.feeItemId', message: 'unknown_fee_item' }]);
}

export function createCategory(db: AppDb, actor: Actor, input: z.output<typeof ZWoCategoryCreate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    await checkFeeItem(tx, companyId, input.feeItemId);
    const [c] = await tx.insert(woCategories).values({ companyId, ...input }).returning();
    await record(tx, actor, 'workorder.category_created', { type: 'wo_category', id: c!.id }, null, categoryView(c!));
    return categoryView(c!);
  });
}

export function updateCategory(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZWoCategoryUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(woCategories).where(and(eq(woCategories.companyId, companyId), eq(woCategories.id, id))).for('update');
    if (!before) throw notFound('工单类别');
    if (before.version !== input.version) throw staleVersion();
    await checkFeeItem(tx, companyId, input.feeItemId);
    const { version: _v, ...value } = input;
    const [c] = await tx.update(woCategories).set({ ...value, version: sql`${woCategories.version} + 1` })
      .where(and(eq(woCategories.companyId, companyId), eq(woCategories.id, id))).returning();
    await record(tx, actor, 'workorder.category_updated', { type: 'wo_category', id }, categoryView(before), categoryView(c!));
    return categoryView(c!);
  });
}
