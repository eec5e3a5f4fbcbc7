import {
  ZCounterRoom, ZCounterRoomHits, ZCounterRoomQuery, ZIdParam, ZPaymentCreate, ZPaymentDetail, ZPaymentPage, ZPaymentPreview, ZPaymentQuery, ZPaymentVoid,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { today } from '../billing/late-fees.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { sendPdf } from '../billing/statement.routes.ts';
import { idemHeader, idempotent } from '../idempotency/idempotency.ts';
import { counterRoom, searchRooms } from './counter.service.ts';
import { listPayments, paymentDetail } from './payments-query.service.ts';
import { planPayment, postPayment } from './post-payment.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { voidPayment } from './void.service.ts';

const tags = ['payments'];
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const collect = { access: { permission: 'payment.collect', scope: 'project' } } as const;
const voids = { access: { permission: 'payment.void', scope: 'project' } } as const;

/** 收银台, 收款记录, 收据 and 作废 */
export function counterRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/payments/counter/rooms', { schema: { tags, summary: '收银台查找房间（房号、业主姓名或手机号）', querystring: ZCounterRoomQuery, response: { 200: ZCounterRoomHits } }, config: collect },
    (req) => searchRooms(ctx, actorOf(req), req.query));
  app.get('/api/payments/counter/rooms/:id', { schema: { tags, summary: '收银台：房间的欠费账单（含今日滞纳金）与预存、押金', params: ZIdParam, response: { 200: ZCounterRoom } }, config: collect },
    (req) => counterRoom(db, actorOf(req), req.params.id));
  app.post('/api/payments/counter/preview', { schema: { tags, summary: '收款试算（分配到哪些账单、转预存、找零；不写入）', body: ZPaymentCreate, response: { 200: ZPaymentPreview } }, config: collect },
    async (req) => {
      const actor = actorOf(req);
      const room = await getRoom(db, actor, req.body.roomId);
      const { owed, plan, changeFen } = await planPayment(db, actor, room.projectId, req.body, today());
      const bill = new Map(owed.map((b) => [b.billId, b]));
      return {
        allocations: plan.parts.map((p) => ({ billId: p.billId, feeItemName: bill.get(p.billId)!.feeItemName, periodFrom: bill.get(p.billId)!.periodFrom, periodTo: bill.get(p.billId)!.periodTo, principalFen: p.principalFen, lateFeeFen: p.lateFeeFen })),
        billsFen: plan.billsFen, prepaidFen: plan.remainderFen, changeFen,
      };
    });
  app.post('/api/payments', {
    schema: { tags, summary: '收银台收款（现金 / 转账 / POS；多账单分配、余额转预存、找零、收据；支持 Idempotency-Key）', headers: idemHeader, body: ZPaymentCreate, response: { 200: ZPaymentDetail } }, config: collect,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, async (tx) => paymentDetail(tx, actor, (await postPayment(tx, actor, req.body)).payment.id));
  });
  app.get('/api/payments', { schema: { tags, summary: '收款记录', querystring: ZPaymentQuery, response: { 200: ZPaymentPage } }, config: read },
    (req) => listPayments(db, actorOf(req), req.query));
  app.get('/api/payments/:id', { schema: { tags, summary: '收款详情（分配到的账单、收据）', params: ZIdParam, response: { 200: ZPaymentDetail } }, config: read },
    (req) => paymentDetail(db, actorOf(req), req.params.id));
  app.post('/api/payments/:id/void', { schema: { tags, summary: '作废当日收款（冲销分录，收据保留编号并标记作废）', params: ZIdParam, body: ZPaymentVoid, response: { 200: ZPaymentDetail } }, config: voids },
    (req) => db.transaction((tx) => voidPayment(tx, actorOf(req), req.params.id, req.body)));
  app.get('/api/payments/:id/receipt.pdf', { schema: { tags, summary: '打印收据 PDF（再次打印标记副本）', params: ZIdParam }, config: read },
    async (req, reply) => sendPdf(reply, await receiptPdf(db, actorOf(req), req.params.id)));
}
