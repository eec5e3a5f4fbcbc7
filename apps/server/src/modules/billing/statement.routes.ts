import { ZIdParam, ZRoomStatement, ZStatementQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App, type FastifyReply } from '../../lib/http.ts';
import { PDF_MIME } from '../../lib/pdf.ts';
import { exportStatement, roomStatement } from './statement.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.read', scope: 'project' } } as const;

export const sendPdf = (reply: FastifyReply, f: { data: Buffer; name: string }) => reply
  .type(PDF_MIME)
  .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
  .header('cache-control', 'no-store')
  .send(f.data);

/** 对账单: a room's receivable account over a date range, on screen and as a PDF. */
export function statementRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/rooms/:id/statement', {
    schema: { tags, summary: '房间对账单（期初余额、期间明细及余额、期末余额、按收费项目小计）', params: ZIdParam, querystring: ZStatementQuery, response: { 200: ZRoomStatement } }, config: read,
  }, (req) => roomStatement(db, actorOf(req), req.params.id, req.query));
  app.get('/api/rooms/:id/statement.pdf', {
    schema: { tags, summary: '下载房间对账单 PDF', params: ZIdParam, querystring: ZStatementQuery }, config: read,
  }, async (req, reply) => {
    const actor = actorOf(req);
    const s = await roomStatement(db, actor, req.params.id, req.query);
    return sendPdf(reply, await exportStatement(db, actor, s));
  });
}
