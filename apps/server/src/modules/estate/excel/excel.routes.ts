import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import {
  ZEstateImport, ZIdParam, ZImportKindParam, ZImportQuery, ZImportStart, ZPage, ZPlaceExportQuery, ZRoomExportQuery, ZVehicleExportQuery,
} from '@wuye/shared';
import type { AppContext } from '../../../context.ts';
import { canSeeProject } from '../../../lib/actor.ts';
import { actorOf, type App } from '../../../lib/http.ts';
import { createStore } from '../../files/files.routes.ts';
import { registerFileOwner } from '../../files/owners.ts';
import { estateImportKinds, estateImports } from './imports.table.ts';
import { importKindDefs } from './import-kinds.ts';
import { exportList } from './export.service.ts';
import * as imports from './import.service.ts';
import { sheetSpecs } from './sheet-spec.ts';
import { sendXlsx, uploadedFile } from './http.ts';
import { templateWorkbook } from './workbook.ts';

const tags = ['estate-excel'];
const manage = { access: { permission: 'estate.manage', scope: 'project' } } as const;
const read = { access: { permission: 'estate.read', scope: 'project' } } as const;

// An import's files (the uploaded sheet and its error report) hold residents' data or balances: only staff who may import that kind see them.
registerFileOwner('estate_import', {
  uploadPermission: 'estate.manage',
  async read(db, actor, ownerId) {
    if (!actor.companyId) return null;
    const [r] = await db.select({ projectId: estateImports.projectId, kind: estateImports.kind }).from(estateImports)
      .where(and(eq(estateImports.companyId, actor.companyId), eq(estateImports.id, ownerId)));
    if (!r || !actor.permissions.has(importKindDefs[r.kind].permission)) return null;
    return canSeeProject(actor, r.projectId) ? { companyId: actor.companyId, projectId: r.projectId } : null;
  },
});

const stamp = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

/** Excel templates, imports (a background job with progress and an error report) and exports of the estate lists. */
export function estateExcelRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const store = createStore(ctx);

  app.get('/api/estate/import-templates/:kind', {
    schema: { tags, summary: '下载导入模板（中文表头、下拉选项、填写说明）', params: ZImportKindParam },
    config: manage,
  }, async (req, reply) => {
    const spec = sheetSpecs[req.params.kind];
    return sendXlsx(reply, `${spec.title}导入模板.xlsx`, await templateWorkbook(spec));
  });

  app.post('/api/estate/imports', {
    schema: {
      tags, summary: '上传 Excel 导入（multipart，字段 file）；后台逐行校验后导入', querystring: ZImportStart,
      consumes: ['multipart/form-data'], response: { 202: ZEstateImport },
    },
    config: manage,
  }, async (req, reply) => {
    const view = await imports.start(ctx, store, actorOf(req), req.query, await uploadedFile(req));
    return reply.code(202).send(view);
  });

  app.get('/api/estate/imports', {
    schema: { tags, summary: '导入记录', querystring: ZImportQuery, response: { 200: ZPage(ZEstateImport) } }, config: manage,
  }, (req) => imports.list(db, actorOf(req), estateImportKinds, req.query));

  app.get('/api/estate/imports/:id', {
    schema: { tags, summary: '导入进度与结果', params: ZIdParam, response: { 200: ZEstateImport } }, config: manage,
  }, (req) => imports.get(db, actorOf(req), req.params.id, estateImportKinds));

  const exportRoute = (kind: 'rooms' | 'residents' | 'parking' | 'vehicles', querystring: z.ZodType, summary: string) =>
    app.get(`/api/estate/exports/${kind}`, {
      schema: { tags, summary, querystring },
      config: read,
    }, async (req, reply) => {
      const out = await exportList(ctx, actorOf(req), kind, req.query as any);
      return sendXlsx(reply, `${sheetSpecs[kind].title}-${stamp()}.xlsx`, out.data);
    });
  exportRoute('rooms', ZRoomExportQuery, '导出房屋（按列表筛选条件，格式同导入模板）');
  exportRoute('residents', ZPlaceExportQuery, '导出住户（当前关系）');
  exportRoute('parking', ZPlaceExportQuery, '导出车位');
  exportRoute('vehicles', ZVehicleExportQuery, '导出车辆');
}
