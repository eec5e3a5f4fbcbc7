import { z } from 'zod';
import { ZIdParam, ZPaymentDetail, ZPaymentOrder, ZPaymentOrderCreate, ZPaymentPage, ZPaymentQuery, payProviderValues } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App, type FastifyRequest } from '../../lib/http.ts';
import { publicOrigin } from '../../lib/public-origin.ts';
import { sendPdf } from '../billing/statement.routes.ts';
import { idemHeader, idempotent } from '../idempotency/idempotency.ts';
import { residentRoomIds } from './invoices.service.ts';
import { createOrder, findOrder, logNotification, orderView, settlePaid, type OrderUrls } from './online.service.ts';
import { listPayments, paymentDetail } from './payments-query.service.ts';
import { NotificationRejected } from './providers/provider.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { settleRefundNotification } from './refunds-post.ts';

const tags = ['payments'];
const mine = ['me'];
const own = { access: { permission: 'resident.self', scope: 'own' } } as const;
const collect = { access: { permission: 'payment.collect', scope: 'project' } } as const;
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const ZProviderParam = z.object({ provider: z.enum(payProviderValues) }).strict();

/** 线上支付: orders (resident H5 and the counter's QR), the providers' notifications, receipts for residents */
export function onlineRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const urls = (req: FastifyRequest, residentApp: boolean): OrderUrls => {
    const origin = publicOrigin(ctx.config.PUBLIC_URL, req);
    return {
      notifyUrl: (provider) => `${origin}/api/payments/notify/${provider}`,
      returnUrl: (orderId) => (residentApp ? `${origin}/m/resident/#/pay/orders/${orderId}` : undefined),
    };
  };
  const ownRooms = (req: FastifyRequest) => residentRoomIds(db, actorOf(req));

  app.post('/api/me/payment-orders', {
    schema: { tags: mine, summary: '住户线上缴费 / 预存下单（返回支付页地址；支持 Idempotency-Key）', headers: idemHeader, body: ZPaymentOrderCreate, response: { 200: ZPaymentOrder } }, config: own,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, (tx) => createOrder(tx, ctx, actor, req.body, urls(req, true), true));
  });
  app.get('/api/me/payment-orders/:id', { schema: { tags: mine, summary: '我的支付订单状态', params: ZIdParam, response: { 200: ZPaymentOrder } }, config: own },
    async (req) => orderView(db, await findOrder(db, actorOf(req), req.params.id, true)));
  app.get('/api/me/payments', { schema: { tags: mine, summary: '我的缴费记录（收据）', querystring: ZPaymentQuery, response: { 200: ZPaymentPage } }, config: own },
    async (req) => listPayments(db, actorOf(req), req.query, await ownRooms(req)));
  app.get('/api/me/payments/:id', { schema: { tags: mine, summary: '我的缴费详情', params: ZIdParam, response: { 200: ZPaymentDetail } }, config: own },
    async (req) => paymentDetail(db, actorOf(req), req.params.id, await ownRooms(req)));
  app.get('/api/me/payments/:id/receipt.pdf', { schema: { tags: mine, summary: '下载我的收据 PDF', params: ZIdParam }, config: own },
    async (req, reply) => sendPdf(reply, await receiptPdf(db, actorOf(req), req.params.id, await ownRooms(req))));

  app.post('/api/payments/orders', {
    schema: { tags, summary: '收银台扫码支付下单（住户扫码付款）', headers: idemHeader, body: ZPaymentOrderCreate, response: { 200: ZPaymentOrder } }, config: collect,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, (tx) => createOrder(tx, ctx, actor, req.body, urls(req, false), false));
  });
  app.get('/api/payments/orders/:id', { schema: { tags, summary: '支付订单状态', params: ZIdParam, response: { 200: ZPaymentOrder } }, config: read },
    async (req) => orderView(db, await findOrder(db, actorOf(req), req.params.id, false)));

  // the providers' notifications need the body exactly as sent (signatures cover the raw bytes)
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/api/payments/notify/:provider', {
      schema: { tags, summary: '支付渠道异步通知（验签、核对商户、订单与金额；每笔交易只入账一次）', params: ZProviderParam },
      config: { access: { public: 'payment providers post their signed notifications here' } },
    }, async (req, reply) => {
      const { provider: name } = req.params as z.infer<typeof ZProviderParam>;
      const provider = ctx.payProviders.get(name);
      const rawBody = typeof req.body === 'string' ? req.body : '';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));
      const answer = (status: number, accepted: boolean, message?: string) => {
        const ack = provider ? provider.ack(accepted, message) : { status, contentType: 'text/plain', body: 'fail' };
        return reply.code(accepted ? ack.status : status).type(ack.contentType).send(ack.body);
      };
      if (!provider) return answer(404, false, 'unknown provider');
      const logged = { provider: name, headers, body: rawBody.slice(0, 8000) };
      let v;
      try {
        v = await provider.verifyNotification({ headers, rawBody });
      } catch (e) {
        if (!(e instanceof NotificationRejected)) throw e;
        await logNotification(db, { ...logged, verdict: e.reason === 'stale' ? 'bad_signature' : e.reason, detail: e.message });
        return answer(e.reason === 'malformed' ? 400 : 401, false, e.message);
      }
      const kind = v.kind;
      const settled = kind === 'refund'
        ? await settleRefundNotification(db, ctx, v)
        : v.success ? await settlePaid(db, name, v) : { verdict: 'not_success' as const, accepted: true };
      const accepted = kind === 'refund' ? settled.verdict !== 'unknown_order' && settled.verdict !== 'amount_mismatch' : (settled as { accepted: boolean }).accepted;
      await logNotification(db, {
        ...logged, kind, companyId: (settled as { companyId?: string | null }).companyId ?? null, outTradeNo: v.outTradeNo, providerTxnId: v.providerTxnId,
        amountFen: v.amountFen, verdict: settled.verdict, detail: (settled as { detail?: string }).detail ?? null,
        orderId: (settled as { orderId?: string }).orderId ?? null, paymentId: (settled as { paymentId?: string | null }).paymentId ?? null,
      });
      return answer(400, accepted, accepted ? undefined : settled.verdict);
    });
  });
}
