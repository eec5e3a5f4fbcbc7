import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZFeeItemCreate, ZFeeItemQuery, ZFeeItemUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, duplicate, notFound, staleVersion } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { feeItems } from './billing.table.ts';

type FeeItem = typeof feeItems.$inferSelect;

export const feeItemView = (f: FeeItem) => ({
  id: f.id, code: f.code, name: f.name, category: f.category, feeCategory: f.feeCategory, taxRateBp: f.taxRateBp,
  invoiceCategory: f.invoiceCategory, defaultPayer: f.defaultPayer, commonIncome: f.commonIncome, vacancyDiscountBp: f.vacancyDiscountBp,
  lateFee: f.lateFeeDailyPpm == null ? null : { dailyRatePpm: f.lateFeeDailyPpm, graceDays: f.lateFeeGraceDays ?? 0, capBp: f.lateFeeCapBp },
  status: f.status, version: f.version,
});

type LateFee = z.output<typeof ZFeeItemCreate>['lateFee'];
const lateFeeColumns = (l: LateFee) => ({ lateFeeDailyPpm: l?.dailyRatePpm ?? null, lateFeeGraceDays: l?.graceDays ?? null, lateFeeCapBp: l?.capBp ?? null });

const isUniqueViolation = (e: any): boolean => e?.code === '23505' || e?.cause?.code === '23505';
const codeTaken = (code: string) => duplicate(`收费项目编码 ${code} 已存在`, [{ path: 'body.code', message: 'duplicate' }]);

export async function listFeeItems(db: Executor, actor: Actor, q: z.output<typeof ZFeeItemQuery>) {
  const conds: SQL[] = [eq(feeItems.companyId, requireCompany(actor))];
  if (q.status) conds.push(eq(feeItems.status, q.status));
  if (q.category) conds.push(eq(feeItems.category, q.category));
  const rows = await db.select().from(feeItems).where(and(...conds)).orderBy(asc(feeItems.code));
  return rows.map(feeItemView);
}

/** A fee item of the actor's company (items are company-wide: every project sees them). */
export async function getFeeItem(db: Executor, companyId: string, id: string, path?: string): Promise<FeeItem> {
  const [f] = await db.select().from(feeItems).where(and(eq(feeItems.companyId, companyId), eq(feeItems.id, id)));
  if (!f) {
    // a reference in a body to something that does not exist is bad input on that field
    if (path) throw badRequest('收费项目不存在', [{ path, message: 'not_found' }]);
    throw notFound('收费项目');
  }
  return f;
}

export async function createFeeItem(db: Executor, actor: Actor, input: z.output<typeof ZFeeItemCreate>) {
  const companyId = requireCompany(actor);
  const { lateFee, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [f] = await tx.insert(feeItems).values({ companyId, ...fields, ...lateFeeColumns(lateFee) }).returning();
      await record(tx, actor, 'billing.item_created', { type: 'fee_item', id: f!.id }, null, feeItemView(f!));
      return feeItemView(f!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(input.code);
    throw e;
  }
}

export async function updateFeeItem(db: Executor, actor: Actor, id: string, input: z.output<typeof ZFeeItemUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(feeItems).where(and(eq(feeItems.companyId, companyId), eq(feeItems.id, id))).for('update');
    if (!before) throw notFound('收费项目');
    if (before.version !== input.version) throw staleVersion();
    const { version: _v, lateFee, ...changes } = input;
    const [after] = await tx.update(feeItems).set({
      ...changes, ...(lateFee !== undefined ? lateFeeColumns(lateFee) : {}), version: sql`${feeItems.version} + 1`,
    }).where(eq(feeItems.id, id)).returning();
    await record(tx, actor, 'billing.item_updated', { type: 'fee_item', id }, feeItemView(before), feeItemView(after!));
    return feeItemView(after!);
  });
}
