import { z } from 'zod';
import { ZIdParam, ZMyBinding, ZMyRoomDetail } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as myHome from './my-home.service.ts';

const tags = ['residents'];

/** The resident app's "my home": one bound room in detail, and the account's own binding requests. */
export function myHomeRoutes(app: App, ctx: AppContext) {
  app.get('/api/me/rooms/:id', {
    schema: { tags, summary: '我的房屋详情（住户、车辆；手机号脱敏）', params: ZIdParam, response: { 200: ZMyRoomDetail } },
    config: { access: { permission: 'resident.self', scope: 'own' } },
  }, (req) => myHome.myRoom(ctx, actorOf(req), req.params.id));

  // any signed-in account: a person awaiting their first approval belongs to no company yet
  app.get('/api/me/room-bindings', {
    schema: { tags, summary: '我的房屋绑定申请', response: { 200: z.array(ZMyBinding) } },
    config: { access: { permission: 'authenticated', scope: 'self' } },
  }, (req) => myHome.myBindings(ctx, actorOf(req)));
}
