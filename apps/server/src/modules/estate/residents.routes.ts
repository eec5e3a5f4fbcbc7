import { z } from 'zod';
import { ZVehicle, ZVehicleCreate, ZVehicleQuery, ZVehicleUpdate, ZIdParam, ZOwnershipTransfer, ZPage, ZPerson, ZPersonCreate, ZPersonGet, ZPersonQuery, ZRoomResident, ZRoomResidentAdd, ZMoveIn, ZMoveOut, ZRoomMove, ZRoomMoveResult, ZPayerSet, ZRoomPayers } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as people from './persons.service.ts';
import * as residents from './room-residents.service.ts';
import * as moves from './moves.service.ts';
import * as payers from './payers.service.ts';
import * as vehicleSvc from './vehicles.service.ts';

const tags = ['residents'];
const read = { access: { permission: 'estate.read', scope: 'project' } } as const;
const manage = { access: { permission: 'estate.manage', scope: 'project' } } as const;

export function residentsRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/persons', { schema: { tags, summary: '人员（业主 / 住户）；手机号、证件号精确查询', querystring: ZPersonQuery, response: { 200: ZPage(ZPerson) } }, config: read },
    (req) => people.list(ctx, actorOf(req), req.query));
  app.post('/api/persons', { schema: { tags, summary: '登记人员（证件号加密保存）', body: ZPersonCreate, response: { 200: ZPerson } }, config: manage },
    (req) => people.create(ctx, actorOf(req), req.body));
  app.get('/api/persons/:id', { schema: { tags, summary: '人员详情（?reveal=1 查看完整信息，需 pii.view，记入审计）', params: ZIdParam, querystring: ZPersonGet, response: { 200: ZPerson } }, config: read },
    (req) => people.get(ctx, actorOf(req), req.params.id, !!req.query.reveal));

  app.get('/api/rooms/:id/residents', { schema: { tags, summary: '房间的业主、住户（含历史）', params: ZIdParam, response: { 200: z.array(ZRoomResident) } }, config: read },
    (req) => residents.listForRoom(db, actorOf(req), req.params.id));
  app.post('/api/rooms/:id/residents', { schema: { tags, summary: '为房间添加业主 / 共有人 / 租户 / 家庭成员', params: ZIdParam, body: ZRoomResidentAdd, response: { 200: z.object({ id: z.string() }) } }, config: manage },
    async (req) => ({ id: (await residents.add(db, actorOf(req), req.params.id, req.body)).id }));
  app.post('/api/rooms/:id/transfer', { schema: { tags, summary: '过户：原业主关系截止、新业主按日期生效', params: ZIdParam, body: ZOwnershipTransfer, response: { 200: z.array(ZRoomResident) } }, config: manage },
    (req) => residents.transfer(db, actorOf(req), req.params.id, req.body));

  app.get('/api/rooms/:id/moves', { schema: { tags, summary: '入住 / 搬出记录', params: ZIdParam, response: { 200: z.array(ZRoomMove) } }, config: read },
    (req) => moves.listMoves(db, actorOf(req), req.params.id));
  app.post('/api/rooms/:id/move-in', { schema: { tags, summary: '入住：登记入住人员与日期，房间自该日起为「入住」', params: ZIdParam, body: ZMoveIn, response: { 200: ZRoomMoveResult } }, config: manage },
    (req) => moves.moveIn(db, actorOf(req), req.params.id, req.body));
  app.post('/api/rooms/:id/move-out', { schema: { tags, summary: '搬出：房间自搬出日起空置，可同时结束租户 / 家庭成员关系', params: ZIdParam, body: ZMoveOut, response: { 200: ZRoomMoveResult } }, config: manage },
    (req) => moves.moveOut(db, actorOf(req), req.params.id, req.body));
  app.get('/api/rooms/:id/payers', { schema: { tags, summary: '付费人：各收费类别当前由谁缴纳（含历史）', params: ZIdParam, response: { 200: ZRoomPayers } }, config: read },
    (req) => payers.listPayers(db, actorOf(req), req.params.id));
  app.put('/api/rooms/:id/payers', { schema: { tags, summary: '设置某收费类别（或默认 *）自某日起由业主 / 租户缴纳', params: ZIdParam, body: ZPayerSet, response: { 200: ZRoomPayers } }, config: manage },
    (req) => payers.setPayer(db, actorOf(req), req.params.id, req.body));

  app.get('/api/vehicles', { schema: { tags, summary: '车辆', querystring: ZVehicleQuery, response: { 200: ZPage(ZVehicle) } }, config: { ...read, apiKey: true } },
    (req) => vehicleSvc.list(db, actorOf(req), req.query));
  app.post('/api/vehicles', { schema: { tags, summary: '登记车辆（校验车牌，含新能源 8 位车牌）', body: ZVehicleCreate, response: { 200: ZVehicle } }, config: manage },
    (req) => vehicleSvc.create(db, actorOf(req), req.body));
  app.patch('/api/vehicles/:id', { schema: { tags, summary: '修改车辆', params: ZIdParam, body: ZVehicleUpdate, response: { 200: ZVehicle } }, config: manage },
    (req) => vehicleSvc.update(db, actorOf(req), req.params.id, req.body));
}
