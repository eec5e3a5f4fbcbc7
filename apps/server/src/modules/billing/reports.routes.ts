import {
  ZAgeingExportQuery, ZAgeingQuery, ZAgeingReport, ZAgeingRoom, ZAgeingRoomsQuery, ZCollectionExportQuery, ZCollectionQuery, ZCollectionReport,
  ZIncomeExportQuery, ZIncomeQuery, ZIncomeReport, ZPage,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App, type FastifyReply } from '../../lib/http.ts';
import { ageingReport, ageingRooms } from './report-ageing.service.ts';
import { collectionReport } from './report-collection.service.ts';
import { ageingTable, collectionTable, exportReport, incomeTable, scopeName, type ExportFile } from './report-export.ts';
import { incomeReport } from './report-income.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.report.read', scope: 'project' } } as const;

const send = (reply: FastifyReply, f: ExportFile) => reply
  .type(f.mime)
  .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
  .header('cache-control', 'no-store')
  .send(f.data);

/** 收缴率、欠费账龄、收入报表及导出 (xlsx / pdf) */
export function billingReportRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/billing/reports/collection', {
    schema: { tags, summary: '收缴率（本期 / 含欠费），按项目、楼栋、收费项目或月份', querystring: ZCollectionQuery, response: { 200: ZCollectionReport } }, config: read,
  }, (req) => collectionReport(db, actorOf(req), req.query));
  app.get('/api/billing/reports/collection/export', {
    schema: { tags, summary: '导出收缴率（xlsx / pdf）', querystring: ZCollectionExportQuery }, config: read,
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { format, ...q } = req.query;
    const r = await collectionReport(db, actor, q);
    return send(reply, await exportReport(db, actor, 'collection', collectionTable(r, await scopeName(db, actor, q.projectId)), format, req.query, q.projectId ?? null));
  });

  app.get('/api/billing/reports/ageing', {
    schema: { tags, summary: '欠费账龄（0–30 / 31–90 / 91–180 / 181–365 / 365 天以上）', querystring: ZAgeingQuery, response: { 200: ZAgeingReport } }, config: read,
  }, (req) => ageingReport(db, actorOf(req), req.query));
  app.get('/api/billing/reports/ageing/rooms', {
    schema: { tags, summary: '欠费账龄明细：房间 / 车位（欠费多者在前）', querystring: ZAgeingRoomsQuery, response: { 200: ZPage(ZAgeingRoom) } }, config: read,
  }, (req) => ageingRooms(db, actorOf(req), req.query));
  app.get('/api/billing/reports/ageing/export', {
    schema: { tags, summary: '导出欠费账龄（xlsx / pdf）', querystring: ZAgeingExportQuery }, config: read,
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { format, ...q } = req.query;
    const r = await ageingReport(db, actor, q);
    return send(reply, await exportReport(db, actor, 'ageing', ageingTable(r, await scopeName(db, actor, q.projectId)), format, req.query, q.projectId ?? null));
  });

  app.get('/api/billing/reports/income', {
    schema: { tags, summary: '收入（按收费项目与月份；公共收益单列）', querystring: ZIncomeQuery, response: { 200: ZIncomeReport } }, config: read,
  }, (req) => incomeReport(db, actorOf(req), req.query));
  app.get('/api/billing/reports/income/export', {
    schema: { tags, summary: '导出收入（xlsx / pdf）', querystring: ZIncomeExportQuery }, config: read,
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { format, ...q } = req.query;
    const r = await incomeReport(db, actor, q);
    return send(reply, await exportReport(db, actor, 'income', incomeTable(r, await scopeName(db, actor, q.projectId)), format, req.query, q.projectId ?? null));
  });
}
