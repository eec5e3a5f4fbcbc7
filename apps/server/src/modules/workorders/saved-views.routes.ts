import { z } from 'zod';
import { ZIdParam, ZOk, ZSavedView, ZSavedViewCreate, ZSavedViewQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { deleteView, listViews, saveView } from './saved-views.service.ts';

const tags = ['settings'];
const self = { access: { permission: 'authenticated', scope: 'self' } } as const;

/** 保存的视图: a signed-in user's named filters per list page (工单列表 first). */
export function savedViewRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/saved-views', { schema: { tags, summary: '我的保存视图', querystring: ZSavedViewQuery, response: { 200: z.array(ZSavedView) } }, config: self },
    (req) => listViews(db, actorOf(req), req.query.page));
  app.post('/api/saved-views', { schema: { tags, summary: '保存视图（同名覆盖）', body: ZSavedViewCreate, response: { 200: ZSavedView } }, config: self },
    (req) => saveView(db, actorOf(req), req.body));
  app.delete('/api/saved-views/:id', { schema: { tags, summary: '删除保存视图', params: ZIdParam, response: { 200: ZOk } }, config: self },
    (req) => deleteView(db, actorOf(req), req.params.id));
}
