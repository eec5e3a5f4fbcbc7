import { publicOrigin } from '../../lib/public-origin.ts';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { ZIdParam } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { actorOf, type App, type FastifyReply, type FastifyRequest } from '../../lib/http.ts';
import type { Executor } from '../../db/client.ts';
import { facilities, rooms } from '../estate/estate.table.ts';

const tags = ['workorders'];
const estateRead = { access: { permission: 'estate.read', scope: 'project' } } as const;

/**
 * Where a printed code points: the resident H5's report form, pre-filled. PUBLIC_URL wins over
 * the request's origin because a code printed from an internal address must still open outside.
 */
export function reportUrl(publicUrl: string | undefined, req: FastifyRequest, query: string): string {
  return `${publicOrigin(publicUrl, req)}/m/resident/#/report?${query}`;
}

async function roomOf(db: Executor, actor: Actor, id: string) {
  const [r] = await db.select({ id: rooms.id, projectId: rooms.projectId }).from(rooms)
    .where(and(eq(rooms.companyId, requireCompany(actor)), eq(rooms.id, id)));
  if (!r || !canSeeProject(actor, r.projectId)) throw notFound('房间');
  return r;
}

async function facilityOf(db: Executor, actor: Actor, id: string) {
  const [f] = await db.select({ id: facilities.id, projectId: facilities.projectId }).from(facilities)
    .where(and(eq(facilities.companyId, requireCompany(actor)), eq(facilities.id, id)));
  if (!f || !canSeeProject(actor, f.projectId)) throw notFound('设施');
  return f;
}

async function sendPng(reply: FastifyReply, text: string, name: string) {
  const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
  return reply.type('image/png')
    .header('content-disposition', `inline; filename="${name}.png"`)
    .header('cache-control', 'private, max-age=3600')
    .send(png);
}

/** 房间、设施、设备的报事二维码: a PNG to print and stick on the door or the machine. */
export function workOrderQrRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/work-orders/qr/rooms/:id.png', {
    schema: { tags, summary: '房间报事二维码（PNG，扫码打开预填的报事表单）', params: ZIdParam }, config: estateRead,
  }, async (req, reply) => {
    const r = await roomOf(db, actorOf(req), req.params.id);
    return sendPng(reply, reportUrl(ctx.config.PUBLIC_URL, req, `room=${r.id}`), `room-${r.id}`);
  });
  app.get('/api/work-orders/qr/facilities/:id.png', {
    schema: { tags, summary: '设施报事二维码（PNG，扫码打开预填的报事表单）', params: ZIdParam }, config: estateRead,
  }, async (req, reply) => {
    const f = await facilityOf(db, actorOf(req), req.params.id);
    return sendPng(reply, reportUrl(ctx.config.PUBLIC_URL, req, `facility=${f.id}&project=${f.projectId}`), `facility-${f.id}`);
  });
}
