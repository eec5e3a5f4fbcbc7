import { z } from 'zod';
import multipart from '@fastify/multipart';
import { ZId, ZIdParam } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, type App, type FastifyReply } from '../../lib/http.ts';
import { files } from './files.table.ts';
import * as svc from './files.service.ts';
import { LocalStore, S3Store, type FileStore } from './store.ts';
import { MAX_UPLOAD } from './upload.ts';
import { and, asc, eq } from 'drizzle-orm';
import path from 'node:path';

const ZFile = z.object({
  id: ZId, ownerType: z.string(), ownerId: ZId, kind: z.enum(['image', 'document']), name: z.string(), mime: z.string(),
  size: z.number().int(), hasThumbnail: z.boolean(), createdAt: z.string(),
});
const ZOwner = z.object({ ownerType: z.string().min(1).max(32), ownerId: ZId });
const ZDownload = z.object({ thumb: z.enum(['1', 'true']).optional(), download: z.enum(['1', 'true']).optional() });
const ZSigned = z.object({ v: z.enum(['file', 'thumb']), exp: z.coerce.number().int().positive().max(1e11), sig: z.string().min(10).max(100) });
const self = { access: { permission: 'authenticated', scope: 'self' } } as const;
const tags = ['files'];

export function createStore(ctx: AppContext): FileStore {
  const c = ctx.config;
  if (c.FILE_STORE === 's3') {
    return new S3Store({ endpoint: c.S3_ENDPOINT!, bucket: c.S3_BUCKET!, region: c.S3_REGION, accessKeyId: c.S3_ACCESS_KEY_ID!, secretAccessKey: c.S3_SECRET_ACCESS_KEY! });
  }
  return new LocalStore(path.join(c.dataDir, 'files'));
}

/**
 * Uploads and downloads. Access follows the owning record (a work order, a room, a project …):
 * its module registers who may read it and which permission attaches files to it.
 */
export async function filesRoutes(app: App, ctx: AppContext) {
  const store = createStore(ctx);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 10, parts: 11, headerPairs: 100 } });
  const key = ctx.secrets.derive('signed-url');

  app.post('/api/files', {
    schema: { tags, summary: '上传附件（multipart，字段 file；按内容识别类型）', querystring: ZOwner, response: { 200: ZFile }, consumes: ['multipart/form-data'] },
    config: self,
  }, async (req) => {
    if (!req.isMultipart()) throw new AppError('unsupported_media_type', 415, '请使用 multipart/form-data 上传文件');
    const actor = actorOf(req);
    await svc.ownerScope(ctx.database.db, actor, req.query.ownerType, req.query.ownerId); // 404 before reading the body
    const part = await req.file();
    if (!part) throw new AppError('bad_request', 400, '缺少文件', [{ path: 'body.file', message: 'required' }]);
    return svc.upload(ctx, store, actor, req.query.ownerType, req.query.ownerId, part);
  });

  app.get('/api/files', {
    schema: { tags, summary: '某条记录的附件', querystring: ZOwner, response: { 200: z.array(ZFile) } }, config: self,
  }, async (req) => {
    const actor = actorOf(req);
    const { scope } = await svc.ownerScope(ctx.database.db, actor, req.query.ownerType, req.query.ownerId);
    const rows = await ctx.database.db.select().from(files)
      .where(and(eq(files.companyId, scope.companyId), eq(files.ownerType, req.query.ownerType), eq(files.ownerId, req.query.ownerId)))
      .orderBy(asc(files.createdAt));
    return rows.map(svc.view);
  });

  const send = async (reply: FastifyReply, f: typeof files.$inferSelect, thumb: boolean, attachment: boolean) => {
    if (thumb && !f.thumbKey) throw new AppError('not_found', 404, '该文件没有缩略图');
    const stream = await store.get(thumb ? f.thumbKey! : f.storageKey);
    const name = encodeURIComponent(thumb ? `${f.name}.webp` : f.name);
    return reply
      .type(thumb ? 'image/webp' : f.mime)
      .header('content-disposition', `${attachment ? 'attachment' : 'inline'}; filename*=UTF-8''${name}`)
      .header('cache-control', 'private, max-age=300')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .send(stream);
  };

  app.get('/api/files/:id', {
    schema: { tags, summary: '下载附件（?thumb=1 缩略图）', params: ZIdParam, querystring: ZDownload }, config: self,
  }, async (req, reply) => {
    const f = await svc.loadReadable(ctx.database.db, actorOf(req), req.params.id);
    return send(reply, f, !!req.query.thumb, !!req.query.download);
  });

  app.post('/api/files/:id/signed-url', {
    schema: { tags, summary: '生成 10 分钟有效的下载链接', params: ZIdParam, querystring: ZDownload, response: { 200: z.object({ url: z.string(), expiresAt: z.string() }) } },
    config: self,
  }, async (req) => {
    const f = await svc.loadReadable(ctx.database.db, actorOf(req), req.params.id);
    return svc.signUrl(key, f.id, req.query.thumb ? 'thumb' : 'file');
  });

  app.get('/files/s/:id', {
    schema: { tags, summary: '签名链接下载（无需登录，限时）', params: ZIdParam, querystring: ZSigned },
    config: { access: { public: 'short-lived HMAC-signed link issued to an authorised user' } },
  }, async (req, reply) => {
    const { v, exp, sig } = req.query;
    if (!svc.verifySigned(key, req.params.id, v, exp, sig)) throw new AppError('forbidden', 403, '链接无效或已过期');
    const f = await svc.loadById(ctx.database.db, req.params.id);
    if (!f) throw new AppError('not_found', 404, '文件不存在');
    return send(reply, f, v === 'thumb', false);
  });
}
