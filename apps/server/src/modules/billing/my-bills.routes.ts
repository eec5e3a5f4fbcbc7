import { ZBillRow, ZIdParam, ZMyBillDetail, ZMyBillQuery, ZPage, ZRoomStatement, ZStatementQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { myBill, myBills, myStatement } from './my-bills.service.ts';
import { exportStatement } from './statement.service.ts';
import { sendPdf } from './statement.routes.ts';

const tags = ['residents'];
const own = { access: { permission: 'resident.self', scope: 'own' } } as const;

/** 我的账单 in the resident app: bills of the resident's own rooms, one in detail, a room's statement (JSON and PDF). */
export function myBillsRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/me/bills', { schema: { tags, summary: '我的账单（待缴在前，应缴含滞纳金）', querystring: ZMyBillQuery, response: { 200: ZPage(ZBillRow) } }, config: own },
    (req) => myBills(db, actorOf(req), req.query));
  app.get('/api/me/bills/:id', { schema: { tags, summary: '我的账单详情（明细、滞纳金计算）', params: ZIdParam, response: { 200: ZMyBillDetail } }, config: own },
    (req) => myBill(db, actorOf(req), req.params.id));
  app.get('/api/me/rooms/:id/statement', {
    schema: { tags, summary: '我的房屋对账单', params: ZIdParam, querystring: ZStatementQuery, response: { 200: ZRoomStatement } }, config: own,
  }, (req) => myStatement(db, actorOf(req), req.params.id, req.query));
  app.get('/api/me/rooms/:id/statement.pdf', { schema: { tags, summary: '下载我的房屋对账单 PDF', params: ZIdParam, querystring: ZStatementQuery }, config: own },
    async (req, reply) => {
      const actor = actorOf(req);
      return sendPdf(reply, await exportStatement(db, actor, await myStatement(db, actor, req.params.id, req.query)));
    });
}
