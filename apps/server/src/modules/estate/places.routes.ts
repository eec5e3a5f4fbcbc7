import { ZFacility, ZFacilityCreate, ZFacilityUpdate, ZIdParam, ZOk, ZPage, ZParkingCreate, ZParkingSpace, ZParkingUpdate, ZPlaceQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as places from './places.service.ts';
import * as removal from './removal.service.ts';

const tags = ['estate'];
const read = { access: { permission: 'estate.read', scope: 'project' } } as const;
const manage = { access: { permission: 'estate.manage', scope: 'project' } } as const;

/** Parking spaces, public facilities, and removing what was created by mistake. */
export function placesRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/parking-spaces', { schema: { tags, summary: '车位列表', querystring: ZPlaceQuery, response: { 200: ZPage(ZParkingSpace) } }, config: { ...read, apiKey: true } },
    (req) => places.listParking(db, actorOf(req), req.query));
  app.post('/api/parking-spaces', { schema: { tags, summary: '新增车位', body: ZParkingCreate, response: { 200: ZParkingSpace } }, config: manage },
    (req) => places.createParking(db, actorOf(req), req.body));
  app.patch('/api/parking-spaces/:id', { schema: { tags, summary: '修改车位（类型、绑定房间、归档）', params: ZIdParam, body: ZParkingUpdate, response: { 200: ZParkingSpace } }, config: manage },
    (req) => places.updateParking(db, actorOf(req), req.params.id, req.body));

  app.get('/api/facilities', { schema: { tags, summary: '公共设施 / 场所', querystring: ZPlaceQuery, response: { 200: ZPage(ZFacility) } }, config: { ...read, apiKey: true } },
    (req) => places.listFacilities(db, actorOf(req), req.query));
  app.post('/api/facilities', { schema: { tags, summary: '新增公共设施', body: ZFacilityCreate, response: { 200: ZFacility } }, config: manage },
    (req) => places.createFacility(db, actorOf(req), req.body));
  app.patch('/api/facilities/:id', { schema: { tags, summary: '修改公共设施', params: ZIdParam, body: ZFacilityUpdate, response: { 200: ZFacility } }, config: manage },
    (req) => places.updateFacility(db, actorOf(req), req.params.id, req.body));

  app.delete('/api/rooms/:id', { schema: { tags, summary: '删除房间（有住户或关联记录时 409，请改为归档）', params: ZIdParam, response: { 200: ZOk } }, config: manage },
    async (req) => { await removal.deleteRoom(db, actorOf(req), req.params.id); return { ok: true as const }; });
  app.delete('/api/buildings/:id', { schema: { tags, summary: '删除楼栋（有住户或关联记录时 409，请改为归档）', params: ZIdParam, response: { 200: ZOk } }, config: manage },
    async (req) => { await removal.deleteBuilding(db, actorOf(req), req.params.id); return { ok: true as const }; });
}
