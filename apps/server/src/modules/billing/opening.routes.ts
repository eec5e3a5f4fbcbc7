import { ZIdParam, ZOpeningImport, ZOpeningImportQuery, ZOpeningImportStart, ZPage } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { createStore } from '../files/files.routes.ts';
import { sendXlsx, uploadedFile } from '../estate/excel/http.ts';
import * as imports from '../estate/excel/import.service.ts';
import { templateWorkbook } from '../estate/excel/workbook.ts';
import { openingImportKind } from './opening-import.plan.ts';

const tags = ['billing-opening'];
const access = { access: { permission: 'billing.opening.import', scope: 'project' } } as const;
const kinds = ['opening_balances'] as const;

/**
 * 期初余额导入: the estate archive's import machinery (template, background job with progress,
 * annotated error report at /api/files/:reportFileId) with billing's kind, permission and audit.
 */
export function openingBalanceRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const store = createStore(ctx);

  app.get('/api/billing/opening-import-template', {
    schema: { tags, summary: '下载期初余额导入模板（欠费、预存两个工作表，填写说明）' }, config: access,
  }, async (_req, reply) => sendXlsx(reply, '期初余额导入模板.xlsx', await templateWorkbook(openingImportKind.sheets, openingImportKind.notes)));

  app.post('/api/billing/opening-imports', {
    schema: {
      tags, summary: '上传期初余额 Excel（multipart，字段 file）；后台逐行校验后导入为迁移台账', querystring: ZOpeningImportStart,
      consumes: ['multipart/form-data'], response: { 202: ZOpeningImport },
    },
    config: access,
  }, async (req, reply) => {
    const view = await imports.start(ctx, store, actorOf(req), { ...req.query, kind: 'opening_balances' }, await uploadedFile(req));
    return reply.code(202).send(view);
  });

  app.get('/api/billing/opening-imports', {
    schema: { tags, summary: '期初余额导入记录', querystring: ZOpeningImportQuery, response: { 200: ZPage(ZOpeningImport) } }, config: access,
  }, (req) => imports.list(db, actorOf(req), kinds, req.query));

  app.get('/api/billing/opening-imports/:id', {
    schema: { tags, summary: '期初余额导入进度与结果', params: ZIdParam, response: { 200: ZOpeningImport } }, config: access,
  }, (req) => imports.get(db, actorOf(req), req.params.id, kinds));
}
