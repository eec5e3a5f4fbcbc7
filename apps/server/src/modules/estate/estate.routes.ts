import { z } from 'zod';
import {
  ZBuilding, ZBuildingGenerate, ZBuildingGrid, ZBuildingPreview, ZIdParam, ZOccupancy, ZOccupancyQuery, ZPage, ZRoomDetail,
  ZRoomListItem, ZRoomQuery, ZRoomStatusChange, ZRoomStatusPeriod, ZRoomUpdate,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as buildings from './buildings.service.ts';
import * as roomSvc from './rooms.service.ts';
import * as views from './views.service.ts';
import * as roomList from './room-list.service.ts';
// registers the 'room' file owner (a room's documents) at start-up
import './room-files.ts';

const tags = ['estate'];

export function estateRoutes(app: App, ctx: AppContext) {
  app.get('/api/projects/:id/buildings', {
    schema: { tags, summary: '项目的楼栋与单元', params: ZIdParam, response: { 200: z.array(ZBuilding) } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, (req) => buildings.list(ctx.database.db, actorOf(req), req.params.id));

  app.post('/api/projects/:id/buildings/generate', {
    schema: { tags, summary: '按模板生成楼栋（单元 × 楼层 × 每层户数），可先预览', params: ZIdParam, body: ZBuildingGenerate, response: { 200: ZBuildingPreview } },
    config: { access: { permission: 'estate.manage', scope: 'project' } },
  }, (req) => buildings.generate(ctx.database.db, actorOf(req), req.params.id, req.body));

  app.get('/api/rooms', {
    schema: { tags, summary: '房间列表', querystring: ZRoomQuery, response: { 200: ZPage(ZRoomListItem) } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, (req) => roomList.listRooms(ctx, actorOf(req), req.query));

  const db = ctx.database.db;
  app.get('/api/rooms/:id', {
    schema: { tags, summary: '房间详情', params: ZIdParam, response: { 200: ZRoomDetail } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, async (req) => roomSvc.roomView(await roomSvc.getRoom(db, actorOf(req), req.params.id)));

  app.patch('/api/rooms/:id', {
    schema: { tags, summary: '修改房间（类型、面积、交付日期）', params: ZIdParam, body: ZRoomUpdate, response: { 200: ZRoomDetail } },
    config: { access: { permission: 'estate.manage', scope: 'project' } },
  }, (req) => roomSvc.updateRoom(db, actorOf(req), req.params.id, req.body));

  app.post('/api/rooms/:id/status', {
    schema: { tags, summary: '变更房间状态（按生效日期记录历史）', params: ZIdParam, body: ZRoomStatusChange, response: { 200: ZRoomDetail } },
    config: { access: { permission: 'estate.manage', scope: 'project' } },
  }, (req) => roomSvc.changeStatus(db, actorOf(req), req.params.id, req.body));

  app.get('/api/rooms/:id/status-history', {
    schema: { tags, summary: '房间状态历史', params: ZIdParam, response: { 200: z.array(ZRoomStatusPeriod) } },
    config: { access: { permission: 'estate.read', scope: 'project' } },
  }, (req) => roomSvc.statusHistory(db, actorOf(req), req.params.id));

  app.get('/api/buildings/:id/grid', {
    schema: { tags, summary: '楼栋房态图（单元 × 楼层 × 房间）', params: ZIdParam, response: { 200: ZBuildingGrid } },
    config: { access: { permission: 'estate.read', scope: 'project' } },
  }, (req) => views.grid(db, actorOf(req), req.params.id));

  app.get('/api/estate/occupancy', {
    schema: { tags, summary: '入住率 / 空置率（任意日期）', querystring: ZOccupancyQuery, response: { 200: ZOccupancy } },
    config: { access: { permission: 'estate.read', scope: 'project' }, apiKey: true },
  }, (req) => views.occupancy(db, actorOf(req), req.query));
}
