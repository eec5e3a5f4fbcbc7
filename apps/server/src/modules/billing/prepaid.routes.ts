import {
  ZDepositHoldCreate, ZDepositRefundCreate, ZHeldMovementResult, ZIdParam, ZPrepaidDeductRequest, ZPrepaidDeductResult, ZPrepaidDepositCreate,
  ZPrepaidRefundCreate, ZRoomPrepaidAccounts,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { actorOf, type App, type FastifyReply, type FastifyRequest } from '../../lib/http.ts';
import { idemHeader, idempotent } from '../idempotency/idempotency.ts';
import { holdDeposit, refundDeposit } from './deposits.service.ts';
import { deductPrepaid } from './prepaid-deduct.service.ts';
import { depositPrepaid, refundPrepaid, roomAccounts, today } from './prepaid.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.read', scope: 'project' } } as const;
const manage = { access: { permission: 'billing.prepay.manage', scope: 'project' } } as const;

/** 预存、押金与自动抵扣 */
export function prepaidRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  // the room's accounts after the movement, read in the same transaction
  // money movements honour Idempotency-Key: a retried request answers the first response
  const moved = (req: FastifyRequest, reply: FastifyReply, actor: Actor, roomId: string, fn: (tx: Tx) => Promise<{ entryId: string; balanceFen: number }>) =>
    idempotent(db, req, reply, actor, async (tx) => ({ ...(await fn(tx)), accounts: await roomAccounts(tx, actor, roomId) }));

  app.get('/api/rooms/:id/accounts', { schema: { tags, summary: '房间的预存与押金余额及最近流水', params: ZIdParam, response: { 200: ZRoomPrepaidAccounts } }, config: read },
    (req) => roomAccounts(db, actorOf(req), req.params.id));

  app.post('/api/rooms/:id/prepaid', { schema: { tags, headers: idemHeader, summary: '登记预存（可指定专款收费项目）', params: ZIdParam, body: ZPrepaidDepositCreate, response: { 200: ZHeldMovementResult } }, config: manage },
    (req, reply) => {
      const actor = actorOf(req);
      return moved(req, reply, actor, req.params.id, (tx) => depositPrepaid(tx, actor, { roomId: req.params.id, ...req.body }));
    });
  app.post('/api/rooms/:id/prepaid/refund', { schema: { tags, headers: idemHeader, summary: '退还预存（超过余额 409）', params: ZIdParam, body: ZPrepaidRefundCreate, response: { 200: ZHeldMovementResult } }, config: manage },
    (req, reply) => {
      const actor = actorOf(req);
      const { reason, ...rest } = req.body;
      return moved(req, reply, actor, req.params.id, (tx) => refundPrepaid(tx, actor, { roomId: req.params.id, ...rest, note: reason }));
    });
  app.post('/api/rooms/:id/prepaid/deduct', { schema: { tags, summary: '立即用预存抵扣到期账单', params: ZIdParam, body: ZPrepaidDeductRequest, response: { 200: ZPrepaidDeductResult } }, config: manage },
    (req) => {
      const actor = actorOf(req);
      const day = today();
      const asOf = req.body.asOf ?? day;
      if (asOf > day) throw badRequest(`抵扣日期不能晚于今天 ${day}`, [{ path: 'body.asOf', message: 'after_today' }]);
      return db.transaction(async (tx) => ({ ...(await deductPrepaid(tx, actor, { roomId: req.params.id, asOf })), accounts: await roomAccounts(tx, actor, req.params.id) }));
    });
  app.post('/api/rooms/:id/deposits', { schema: { tags, headers: idemHeader, summary: '收取押金（押金类收费项目）', params: ZIdParam, body: ZDepositHoldCreate, response: { 200: ZHeldMovementResult } }, config: manage },
    (req, reply) => {
      const actor = actorOf(req);
      return moved(req, reply, actor, req.params.id, (tx) => holdDeposit(tx, actor, { roomId: req.params.id, ...req.body }));
    });
  app.post('/api/rooms/:id/deposits/refund', { schema: { tags, headers: idemHeader, summary: '退还押金（不超过已收）', params: ZIdParam, body: ZDepositRefundCreate, response: { 200: ZHeldMovementResult } }, config: manage },
    (req, reply) => {
      const actor = actorOf(req);
      const { reason, ...rest } = req.body;
      return moved(req, reply, actor, req.params.id, (tx) => refundDeposit(tx, actor, { roomId: req.params.id, ...rest, note: reason }));
    });
}
