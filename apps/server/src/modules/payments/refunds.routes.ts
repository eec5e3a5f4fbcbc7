import { z } from 'zod';
import {
  ZBalanceRefundCreate, ZIdParam, ZPaymentRefundCreate, ZRefund, ZRefundApprove, ZRefundPage, ZRefundQuery, ZRefundReject,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { idempotent } from '../idempotency/idempotency.ts';
import * as svc from './refunds.service.ts';

const tags = ['payments'];
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const request = { access: { permission: 'payment.refund.request', scope: 'project' } } as const;
const approve = { access: { permission: 'payment.refund.approve', scope: 'project' } } as const;
const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

/** 退款: 申请（收款 / 预存 / 押金）→ 审批（他人）→ 原路或现金、转账退回 */
export function refundRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.post('/api/payments/:id/refunds', {
    schema: { tags, summary: '申请退款（收款的预存部分优先，再按账单从新到旧；不超过可退金额；支持 Idempotency-Key）', params: ZIdParam, headers: idemHeader, body: ZPaymentRefundCreate, response: { 200: ZRefund } },
    config: request,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, (tx) => svc.requestPaymentRefund(tx, actor, req.params.id, req.body));
  });
  app.post('/api/refunds', {
    schema: { tags, summary: '申请退预存 / 退押金（不超过当前余额；支持 Idempotency-Key）', headers: idemHeader, body: ZBalanceRefundCreate, response: { 200: ZRefund } },
    config: request,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, (tx) => svc.requestBalanceRefund(tx, actor, req.body));
  });
  app.get('/api/refunds', { schema: { tags, summary: '退款列表', querystring: ZRefundQuery, response: { 200: ZRefundPage } }, config: read },
    (req) => svc.listRefunds(db, actorOf(req), req.query));
  app.get('/api/refunds/:id', { schema: { tags, summary: '退款详情', params: ZIdParam, response: { 200: ZRefund } }, config: read },
    (req) => svc.getRefund(db, actorOf(req), req.params.id));
  app.post('/api/refunds/:id/approve', {
    schema: { tags, summary: '批准退款（申请人不能审批；现金 / 转账即时记账，原路退回经支付渠道）', params: ZIdParam, body: ZRefundApprove, response: { 200: ZRefund } },
    config: approve,
  }, (req) => svc.approveRefund(db, ctx, actorOf(req), req.params.id, req.body));
  app.post('/api/refunds/:id/reject', { schema: { tags, summary: '驳回退款（须填写意见）', params: ZIdParam, body: ZRefundReject, response: { 200: ZRefund } }, config: approve },
    (req) => svc.rejectRefund(db, actorOf(req), req.params.id, req.body));
}
