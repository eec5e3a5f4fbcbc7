import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, type Actor } from '../../lib/actor.ts';
import { badRequest, forbidden } from '../../lib/errors.ts';
import { files } from '../files/files.table.ts';
import { registerFileOwner } from '../files/owners.ts';
import { rooms } from './estate.table.ts';

export const ROOM_FILE_OWNER = 'room';

/**
 * A room's documents (不动产权证, 买卖合同, 身份证明 …) are scans of identity papers: full ID
 * numbers that `pii.view` guards in the archive. Everyone with `estate.read` may know the room,
 * so outside the actor's projects it is 404, but only `estate.manage` (the staff who handle 过户)
 * open its documents — the cashier, guard or technician who sees the room gets 403 (decisions §19).
 */
registerFileOwner(ROOM_FILE_OWNER, {
  uploadPermission: 'estate.manage',
  // photos of papers taken on a phone carry where and with what they were taken: nobody needs that
  stripMetadata: () => true,
  async read(db: Executor, actor: Actor, ownerId: string) {
    if (!actor.companyId || !actor.permissions.has('estate.read')) return null;
    const [r] = await db.select({ projectId: rooms.projectId }).from(rooms).where(and(eq(rooms.companyId, actor.companyId), eq(rooms.id, ownerId)));
    if (!r || !canSeeProject(actor, r.projectId)) return null;
    if (!actor.permissions.has('estate.manage')) throw forbidden('查看房间资料需要房屋档案管理权限');
    return { companyId: actor.companyId, projectId: r.projectId };
  },
});

/** Refuses (400, `body.fileIds`) any id that is not a file already uploaded to this room. */
export async function requireRoomFiles(tx: Executor, companyId: string, roomId: string, fileIds: readonly string[]) {
  if (!fileIds.length) return;
  const found = await tx.select({ id: files.id }).from(files).where(and(
    eq(files.companyId, companyId), eq(files.ownerType, ROOM_FILE_OWNER), eq(files.ownerId, roomId), inArray(files.id, [...fileIds]),
  ));
  const known = new Set(found.map((f) => f.id));
  const missing = fileIds.filter((id) => !known.has(id));
  if (missing.length) {
    throw badRequest('资料须为已上传到该房间的文件', [{ path: 'body.fileIds', message: 'not_a_file_of_this_room', missing }]);
  }
}
