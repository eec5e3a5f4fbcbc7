import { z } from 'zod';
import { likeEscape } from '../../lib/like.ts';
import { ZBinding, ZBindingDecision, ZBindingProject, ZBindingQuery, ZBindingRequest, ZBindingRoom, ZIdParam, ZMyRoom, ZPage } from '@wuye/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as bindings from './bindings.service.ts';

const tags = ['residents'];
const self = { access: { permission: 'authenticated', scope: 'self' } } as const;
// customer service decides bindings: it is the role notified of them, and needs no estate.manage
const review = { access: { permission: 'estate.binding.review', scope: 'project' } } as const;
const ZStatus = z.object({ id: z.string(), status: z.string() });

/** Residents find their community and room, ask to be bound; staff approve; residents see their rooms. */
export function bindingRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  // A directory of community names (like a map): what a new resident picks from before belonging anywhere.
  app.get('/api/binding/projects', {
    schema: { tags, summary: '选择小区（按名称搜索）', querystring: z.object({ q: z.string().trim().min(1).max(32) }), response: { 200: z.array(ZBindingProject) } },
    config: self,
  }, async (req) => {
    const like = `%${likeEscape(req.query.q)}%`;
    const res: any = await db.execute(sql`select p.id, p.name, c.name as "companyName" from projects p join companies c on c.id = p.company_id
      where p.status = 'active' and c.status = 'active' and p.name like ${like} order by p.name limit 20`);
    return res.rows;
  });

  app.get('/api/binding/projects/:id/rooms', {
    schema: { tags, summary: '按房号查找房间', params: ZIdParam, querystring: z.object({ code: z.string().trim().min(1).max(32) }), response: { 200: z.array(ZBindingRoom) } },
    config: self,
  }, async (req) => {
    const res: any = await db.execute(sql`select id, code from rooms where project_id = ${req.params.id}
      and code like ${`${likeEscape(req.query.code)}%`} order by code limit 20`);
    return res.rows;
  });

  app.post('/api/me/room-bindings', {
    schema: { tags, summary: '申请绑定房屋（姓名与手机号匹配档案即自动通过）', body: ZBindingRequest, response: { 200: ZStatus } }, config: self,
  }, (req) => bindings.request(ctx, actorOf(req), req.body));

  app.get('/api/me/rooms', {
    schema: { tags, summary: '我的房屋', response: { 200: z.array(ZMyRoom) } },
    config: { access: { permission: 'resident.self', scope: 'own' } },
  }, (req) => bindings.myRooms(ctx, actorOf(req)));

  app.get('/api/binding-requests', {
    schema: { tags, summary: '房屋绑定申请', querystring: ZBindingQuery, response: { 200: ZPage(ZBinding) } },
    config: review,
  }, (req) => bindings.list(ctx, actorOf(req), req.query));

  for (const [action, approve] of [['approve', true], ['reject', false]] as const) {
    app.post(`/api/binding-requests/:id/${action}`, {
      schema: { tags, summary: approve ? '通过绑定申请' : '驳回绑定申请', params: ZIdParam, body: ZBindingDecision, response: { 200: ZStatus } },
      config: review,
    }, (req) => bindings.decide(ctx, actorOf(req), req.params.id, approve, req.body));
  }
}
