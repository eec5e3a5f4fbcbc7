import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { hmac, safeEqual } from '../../lib/tokens.ts';
import { record } from '../audit/audit.service.ts';
import { fileOwners } from './owners.ts';
import { files } from './files.table.ts';
import { safeName, storeUpload } from './upload.ts';
import type { FileStore } from './store.ts';
import { Readable } from 'node:stream';

export const view = (f: typeof files.$inferSelect) => ({
  id: f.id, ownerType: f.ownerType, ownerId: f.ownerId, kind: f.kind, name: f.name, mime: f.mime, size: f.size,
  hasThumbnail: !!f.thumbKey, createdAt: f.createdAt.toISOString(),
});

export async function ownerScope(db: Executor, actor: Actor, ownerType: string, ownerId: string) {
  const owner = fileOwners.get(ownerType);
  if (!owner) throw new AppError('bad_request', 400, `未知的附件归属类型：${ownerType}`, [{ path: 'querystring.ownerType', message: 'unknown' }]);
  const scope = await owner.read(db, actor, ownerId);
  if (!scope) throw notFound('附件所属记录');
  return { owner, scope };
}

export async function upload(ctx: AppContext, store: FileStore, actor: Actor, ownerType: string, ownerId: string,
  part: { filename: string; file: Readable & { truncated?: boolean } }) {
  const db = ctx.database.db;
  const { owner, scope } = await ownerScope(db, actor, ownerType, ownerId);
  if (!actor.permissions.has(owner.uploadPermission)) throw forbidden('没有上传附件到此记录的权限');
  const stored = await storeUpload(store, part.file, { stripMetadata: owner.stripMetadata?.(actor) ?? actor.memberKind === 'resident', imagesOnly: owner.imagesOnly });
  return db.transaction(async (tx) => {
    const [f] = await tx.insert(files).values({
      companyId: scope.companyId, projectId: scope.projectId, ownerType, ownerId, name: safeName(part.filename), uploadedBy: actor.userId, ...stored,
    }).returning();
    await record(tx, actor, 'file.uploaded', { type: 'file', id: f!.id, projectId: scope.projectId }, null, view(f!));
    return view(f!);
  });
}

/** The file if the actor may read its owning record; otherwise not found. */
export async function loadReadable(db: Executor, actor: Actor, id: string) {
  if (!actor.companyId) throw notFound('文件');
  const [f] = await db.select().from(files).where(and(eq(files.companyId, actor.companyId), eq(files.id, id)));
  if (!f) throw notFound('文件');
  await ownerScope(db, actor, f.ownerType, f.ownerId);
  return f;
}

export async function loadById(db: Executor, id: string) {
  const [f] = await db.select().from(files).where(eq(files.id, id));
  return f ?? null;
}

/** Short-lived links for `<img src>` and downloads outside the session (e.g. a PDF viewer). */
export const SIGNED_TTL_SECONDS = 600;
export function signUrl(key: Buffer, id: string, variant: 'file' | 'thumb', now = Date.now()) {
  const exp = Math.floor(now / 1000) + SIGNED_TTL_SECONDS;
  const sig = hmac(key, `${id}|${variant}|${exp}`);
  return { url: `/files/s/${id}?v=${variant}&exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000).toISOString() };
}
export function verifySigned(key: Buffer, id: string, variant: string, exp: number, sig: string) {
  return exp * 1000 > Date.now() && safeEqual(sig, hmac(key, `${id}|${variant}|${exp}`));
}

/**
 * The one call for modules that produce files themselves (receipts, statements, reports): stores
 * the bytes under their owning record, in the caller's transaction.
 */
export async function saveFile(tx: Executor, store: FileStore, f: {
  companyId: string; projectId: string | null; ownerType: string; ownerId: string; name: string; data: Buffer; uploadedBy?: string | null;
}) {
  const stored = await storeUpload(store, Readable.from([f.data]), { stripMetadata: false });
  const [row] = await tx.insert(files).values({
    companyId: f.companyId, projectId: f.projectId, ownerType: f.ownerType, ownerId: f.ownerId, name: safeName(f.name),
    uploadedBy: f.uploadedBy ?? null, ...stored,
  }).returning();
  return view(row!);
}
