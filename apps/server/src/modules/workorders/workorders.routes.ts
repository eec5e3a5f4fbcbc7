import { z } from 'zod';
import {
  ZIdParam, ZKbArticle, ZKbArticleCreate, ZKbArticleUpdate, ZKbQuery, ZMyWorkOrderCreate, ZMyWorkOrderQuery, ZOk, ZWoCandidate,
  ZWoCategory, ZWoCategoryCreate, ZWoCategoryUpdate, ZWoProjectSettings, ZWoProjectSettingsUpdate, ZWoStats, ZWoStatsQuery,
  ZWorkOrderCreate, ZWorkOrderDetail, ZWorkOrderEventBody, ZWorkOrderPage, ZWorkOrderQuery,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { idemHeader, idempotent } from '../idempotency/idempotency.ts';
import * as categories from './categories.service.ts';
import { createInTx } from './create.service.ts';
import { candidatesFor } from './dispatch.ts';
import { dropTotals, WO_CHANGED } from './list-caches.ts';
import * as kb from './kb.service.ts';
import { detailOf, getDetail, listMine, listOrders } from './query.service.ts';
import { readWoSettings, updateWoSettings } from './settings.service.ts';
import { workOrderStats } from './stats.service.ts';
import { applyEvent } from './transition.service.ts';
import './photos.ts';

const tags = ['workorders'];
const read = { access: { permission: 'workorder.read', scope: 'project' } } as const;
const create = { access: { permission: 'workorder.create', scope: 'project' }, apiKey: true } as const;
const dispatch = { access: { permission: 'workorder.dispatch', scope: 'project' } } as const;
const report = { access: { permission: 'workorder.report.read', scope: 'project' } } as const;
const settings = { access: { permission: 'workorder.settings.manage', scope: 'project' } } as const;
const config = { access: { permission: 'workorder.config.manage', scope: 'company' } } as const;
const catalog = { access: { permission: 'workorder.read', scope: 'company' } } as const;
const own = { access: { permission: 'resident.self', scope: 'own' } } as const;

/** 报事报修 / 工单: console and staff H5 under /api/work-orders, the resident's own under /api/me/work-orders. */
export function workOrderRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const stop = ctx.events.onSystem((type) => { if (type.startsWith(WO_CHANGED)) dropTotals(type.slice(WO_CHANGED.length)); });
  app.addHook('onClose', async () => { stop(); });

  app.get('/api/work-orders', { schema: { tags, summary: '工单列表（状态、类别、优先级、超时、处理人、楼栋、日期筛选；我的任务；抢单池）', querystring: ZWorkOrderQuery, response: { 200: ZWorkOrderPage } }, config: read },
    (req) => listOrders(db, actorOf(req), req.query));
  app.post('/api/work-orders', {
    schema: { tags, summary: '登记工单（前台 / 电话 / 巡检 / 设备告警；支持 Idempotency-Key）', headers: idemHeader, body: ZWorkOrderCreate, response: { 200: ZWorkOrderDetail } }, config: create,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, async (tx) => detailOf(tx, actor, await createInTx(tx, ctx, actor, req.body, 'staff')));
  });
  app.get('/api/work-orders/stats', { schema: { tags, summary: '工单统计（数量、完成率、平均响应/处理时长、超时率、满意度）', querystring: ZWoStatsQuery, response: { 200: ZWoStats } }, config: report },
    (req) => workOrderStats(db, actorOf(req), req.query));
  app.get('/api/work-orders/:id/candidates', { schema: { tags, summary: '派单候选人（技能、在岗、楼栋责任、当前工单量，最优在前）', params: ZIdParam, response: { 200: z.array(ZWoCandidate) } }, config: dispatch },
    (req) => candidatesFor(db, actorOf(req), req.params.id));
  app.get('/api/work-orders/:id', { schema: { tags, summary: '工单详情（时间线、照片、当前可执行操作）', params: ZIdParam, response: { 200: ZWorkOrderDetail } }, config: read },
    (req) => getDetail(db, actorOf(req), req.params.id));
  app.post('/api/work-orders/:id/events', {
    schema: { tags, summary: '工单流转（按流转表校验：非法 409，无权 403）', params: ZIdParam, headers: idemHeader, body: ZWorkOrderEventBody, response: { 200: ZWorkOrderDetail } }, config: read,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, async (tx) => detailOf(tx, actor, await applyEvent(tx, ctx, actor, req.params.id, req.body)));
  });

  app.get('/api/work-orders/categories', { schema: { tags, summary: '工单类别（SLA、技能、是否收费）', response: { 200: z.array(ZWoCategory) } }, config: catalog },
    (req) => categories.listCategories(db, actorOf(req)));
  app.post('/api/work-orders/categories', { schema: { tags, summary: '新增工单类别', body: ZWoCategoryCreate, response: { 200: ZWoCategory } }, config: config },
    (req) => categories.createCategory(db, actorOf(req), req.body));
  app.put('/api/work-orders/categories/:id', { schema: { tags, summary: '修改工单类别（带版本号）', params: ZIdParam, body: ZWoCategoryUpdate, response: { 200: ZWoCategory } }, config: config },
    (req) => categories.updateCategory(db, actorOf(req), req.params.id, req.body));

  app.get('/api/work-orders/projects/:id/settings', { schema: { tags, summary: '项目工单设置（派单模式、重开天数、回访抽样、工作时间、升级时限）', params: ZIdParam, response: { 200: ZWoProjectSettings } }, config: read },
    (req) => readWoSettings(db, actorOf(req), req.params.id));
  app.put('/api/work-orders/projects/:id/settings', { schema: { tags, summary: '修改项目工单设置（首次保存版本 0）', params: ZIdParam, body: ZWoProjectSettingsUpdate, response: { 200: ZWoProjectSettings } }, config: settings },
    (req) => updateWoSettings(db, actorOf(req), req.params.id, req.body));

  app.get('/api/work-orders/kb', { schema: { tags, summary: '常见问题（含草稿）', querystring: ZKbQuery, response: { 200: z.array(ZKbArticle) } }, config: catalog },
    (req) => kb.listArticles(db, actorOf(req), req.query, { publishedOnly: false }));
  app.post('/api/work-orders/kb', { schema: { tags, summary: '新增常见问题', body: ZKbArticleCreate, response: { 200: ZKbArticle } }, config: config },
    (req) => kb.createArticle(db, actorOf(req), req.body));
  app.put('/api/work-orders/kb/:id', { schema: { tags, summary: '修改常见问题', params: ZIdParam, body: ZKbArticleUpdate, response: { 200: ZKbArticle } }, config: config },
    (req) => kb.updateArticle(db, actorOf(req), req.params.id, req.body));
  app.delete('/api/work-orders/kb/:id', { schema: { tags, summary: '删除常见问题', params: ZIdParam, response: { 200: ZOk } }, config: config },
    (req) => kb.deleteArticle(db, actorOf(req), req.params.id));

  const mineTags = ['residents'];
  app.get('/api/me/work-orders', { schema: { tags: mineTags, summary: '我的报事', querystring: ZMyWorkOrderQuery, response: { 200: ZWorkOrderPage } }, config: own },
    (req) => listMine(db, actorOf(req), req.query));
  app.post('/api/me/work-orders', {
    schema: { tags: mineTags, summary: '住户报事（照片先上传到草稿区；支持 Idempotency-Key）', headers: idemHeader, body: ZMyWorkOrderCreate, response: { 200: ZWorkOrderDetail } }, config: own,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, async (tx) => detailOf(tx, actor, await createInTx(tx, ctx, actor, req.body, 'resident')));
  });
  app.get('/api/me/work-orders/:id', { schema: { tags: mineTags, summary: '我的报事详情（进度时间线）', params: ZIdParam, response: { 200: ZWorkOrderDetail } }, config: own },
    (req) => getDetail(db, actorOf(req), req.params.id));
  app.post('/api/me/work-orders/:id/events', {
    schema: { tags: mineTags, summary: '报事人操作：确认报价、评价、重开、取消', params: ZIdParam, headers: idemHeader, body: ZWorkOrderEventBody, response: { 200: ZWorkOrderDetail } }, config: own,
  }, (req, reply) => {
    const actor = actorOf(req);
    return idempotent(db, req, reply, actor, async (tx) => detailOf(tx, actor, await applyEvent(tx, ctx, actor, req.params.id, req.body)));
  });
  app.get('/api/me/work-order-categories', { schema: { tags: mineTags, summary: '报事类别', response: { 200: z.array(ZWoCategory) } }, config: own },
    (req) => categories.listCategories(db, actorOf(req), { activeOnly: true }));
  app.get('/api/me/kb', { schema: { tags: mineTags, summary: '常见问题（报事前先看看）', querystring: ZKbQuery, response: { 200: z.array(ZKbArticle) } }, config: own },
    (req) => kb.listArticles(db, actorOf(req), req.query, { publishedOnly: true }));
}
