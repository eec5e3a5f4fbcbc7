import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { files } from '../files/files.table.ts';
import { registerFileOwner } from '../files/owners.ts';
import { canSeeOrder, type WorkOrder } from './access.ts';
import { workOrders } from './workorders.table.ts';

/**
 * Photos are uploaded before the request or step they document exists: to the uploader's own
 * draft area (`work_order_draft`, owner = their user id). Submitting the order or the transition
 * claims them in the same transaction, so a failed submission leaves nothing attached.
 */
export const DRAFT_OWNER = 'work_order_draft';
export const ORDER_OWNER = 'work_order';

registerFileOwner(DRAFT_OWNER, {
  uploadPermission: 'workorder.create',
  imagesOnly: true,
  async read(_db, actor, ownerId) {
    return actor.companyId && actor.userId === ownerId ? { companyId: actor.companyId, projectId: null } : null;
  },
});

registerFileOwner(ORDER_OWNER, {
  // photos go through the draft area and a transition; nothing is attached to an order directly
  uploadPermission: 'workorder.config.manage',
  imagesOnly: true,
  async read(db: Executor, actor: Actor, ownerId: string) {
    if (!actor.companyId) return null;
    const [o] = await db.select().from(workOrders).where(and(eq(workOrders.companyId, actor.companyId), eq(workOrders.id, ownerId)));
    return o && canSeeOrder(actor, o) ? { companyId: o.companyId, projectId: o.projectId } : null;
  },
});

/** Moves the actor's draft photos onto the order; any id that is not one of them is a 400 (`body.fileIds`). */
export async function claimPhotos(tx: Executor, actor: Actor, order: Pick<WorkOrder, 'id' | 'companyId' | 'projectId'>, fileIds: readonly string[]) {
  if (fileIds.length === 0) return [];
  const moved = await tx.update(files).set({ ownerType: ORDER_OWNER, ownerId: order.id, projectId: order.projectId })
    .where(and(eq(files.companyId, order.companyId), eq(files.ownerType, DRAFT_OWNER), eq(files.ownerId, actor.userId!), inArray(files.id, [...fileIds])))
    .returning({ id: files.id });
  const got = new Set(moved.map((m) => m.id));
  const missing = fileIds.filter((id) => !got.has(id));
  if (missing.length) throw badRequest('照片须先上传（每张照片只能用一次）', [{ path: 'body.fileIds', message: 'not_an_uploaded_photo', missing }]);
  return [...got];
}

export async function orderFiles(db: Executor, companyId: string, orderId: string) {
  return db.select({ id: files.id, name: files.name, mime: files.mime, hasThumbnail: sql<boolean>`${files.thumbKey} is not null` }).from(files)
    .where(and(eq(files.companyId, companyId), eq(files.ownerType, ORDER_OWNER), eq(files.ownerId, orderId))).orderBy(files.createdAt);
}
