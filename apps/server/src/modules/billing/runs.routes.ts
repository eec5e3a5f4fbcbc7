import { ZBillRun, ZBillRunCancel, ZBillRunInput, ZBillRunPreview, ZBillRunQuery, ZIdParam, ZPage } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import * as runs from './runs.service.ts';

const tags = ['billing'];
const read = { access: { permission: 'billing.read', scope: 'project' } } as const;
const manage = { access: { permission: 'billing.run.manage', scope: 'project' } } as const;

/** 账单批次：预览、生成（后台任务）、进度、作废 */
export function billRunRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  app.post('/api/billing/runs/preview', { schema: { tags, summary: '预览账单批次（各收费项目的账单数与金额，不写入）', body: ZBillRunInput, response: { 200: ZBillRunPreview } }, config: manage },
    (req) => runs.previewRun(db, actorOf(req), req.body));
  app.post('/api/billing/runs', { schema: { tags, summary: '生成账单批次（后台任务；同账期已生成 409）', body: ZBillRunInput, response: { 200: ZBillRun } }, config: manage },
    (req) => runs.startRun(ctx, actorOf(req), req.body));
  app.get('/api/billing/runs', { schema: { tags, summary: '账单批次列表', querystring: ZBillRunQuery, response: { 200: ZPage(ZBillRun) } }, config: read },
    (req) => runs.listRuns(db, actorOf(req), req.query));
  app.get('/api/billing/runs/:id', { schema: { tags, summary: '账单批次（进度与结果）', params: ZIdParam, response: { 200: ZBillRun } }, config: read },
    (req) => runs.getRun(db, actorOf(req), req.params.id));
  app.post('/api/billing/runs/:id/cancel', { schema: { tags, summary: '作废账单批次（作废未缴账单并冲销，可重新生成）', params: ZIdParam, body: ZBillRunCancel, response: { 200: ZBillRun } }, config: manage },
    (req) => runs.cancelRun(db, actorOf(req), req.params.id, req.body));
}
