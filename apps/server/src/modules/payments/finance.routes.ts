import {
  ZDailyReport, ZDailyReportExportQuery, ZDailyReportQuery, ZIdParam, ZShift, ZShiftCreate, ZShiftPage, ZShiftPreview, ZShiftPreviewQuery, ZShiftQuery,
  ZStatementImportDetail, ZStatementImportPage, ZStatementImportQuery, ZStatementImportResult, ZStatementImportStart, ZStatementItemResolve,
  ZStatementReconcile, ZVoucherExportQuery,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { AppError, badRequest } from '../../lib/errors.ts';
import { actorOf, type App, type FastifyReply, type FastifyRequest } from '../../lib/http.ts';
import { dailyReport, exportDailyReport } from './daily-report.service.ts';
import { getImport, importStatement, listImports, reconcileDay, resolveItem } from './reconcile.service.ts';
import { createShift, listShifts, previewShift } from './shifts.service.ts';
import { exportVoucher } from './voucher.service.ts';

const tags = ['payments'];
const reconcile = { access: { permission: 'payment.reconcile', scope: 'company' } } as const;
const voucher = { access: { permission: 'payment.voucher.export', scope: 'project' } } as const;
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const collect = { access: { permission: 'payment.collect', scope: 'project' } } as const;

const send = (reply: FastifyReply, f: { name: string; mime: string; data: Buffer }) => reply
  .type(f.mime)
  .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
  .header('cache-control', 'no-store')
  .send(f.data);

/** the statement upload: the file part and the fields provider + date (multipart fields, or the query string) */
async function statementUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 415, '请使用 multipart/form-data 上传对账单');
  const fields: Record<string, string> = { ...(req.query as Record<string, string>) };
  let file: { name: string; data: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) { await part.toBuffer(); continue; }
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('payload_too_large', 413, '文件过大');
      file = { name: part.filename || 'statement.csv', data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  const parsed = ZStatementImportStart.safeParse({ provider: fields.provider, date: fields.date });
  if (!parsed.success) {
    throw badRequest('请选择支付渠道和对账日期', parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.code === 'invalid_value' ? 'invalid' : i.message })));
  }
  if (!file) throw badRequest('缺少对账单文件', [{ path: 'body.file', message: 'required' }]);
  return { ...parsed.data, ...file };
}

/** 对账、财务凭证、收费日报与交班 */
export function financeRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.post('/api/payments/reconciliations', {
    schema: {
      tags, summary: '导入支付渠道对账单（multipart：file + provider + date；微信交易账单或标准 CSV），自动匹配', consumes: ['multipart/form-data'],
      querystring: ZStatementImportStart.partial(), response: { 200: ZStatementImportResult },
    },
    config: reconcile,
  }, async (req) => {
    const actor = actorOf(req);
    const up = await statementUpload(req);
    return importStatement(db, actor, { provider: up.provider, date: up.date, fileName: up.name, data: up.data });
  });
  app.get('/api/payments/reconciliations', {
    schema: { tags, summary: '对账记录', querystring: ZStatementImportQuery, response: { 200: ZStatementImportPage } }, config: reconcile,
  }, (req) => listImports(db, actorOf(req), req.query));
  app.get('/api/payments/reconciliations/:id', {
    schema: { tags, summary: '对账结果与差异明细', params: ZIdParam, response: { 200: ZStatementImportDetail } }, config: reconcile,
  }, (req) => getImport(db, actorOf(req), req.params.id));
  app.post('/api/payments/reconciliations/items/:id/resolve', {
    schema: { tags, summary: '处理一条对账差异（填写说明）', params: ZIdParam, body: ZStatementItemResolve, response: { 200: ZStatementImportDetail } }, config: reconcile,
  }, (req) => resolveItem(db, actorOf(req), req.params.id, req.body.note));
  app.post('/api/payments/reconciliations/:id/reconcile', {
    schema: { tags, summary: '标记该日对账完成（差异须全部处理）', params: ZIdParam, body: ZStatementReconcile, response: { 200: ZStatementImportDetail } }, config: reconcile,
  }, (req) => reconcileDay(db, actorOf(req), req.params.id, req.body));

  app.get('/api/payments/vouchers/export', {
    schema: { tags, summary: '导出记账凭证 xlsx（按日暂估，或已关账月份）', querystring: ZVoucherExportQuery }, config: voucher,
  }, async (req, reply) => send(reply, await exportVoucher(db, actorOf(req), req.query)));

  app.get('/api/payments/reports/daily', {
    schema: { tags, summary: '收费日报（按收款方式、收费项目、收银员）', querystring: ZDailyReportQuery, response: { 200: ZDailyReport } }, config: read,
  }, (req) => dailyReport(db, actorOf(req), req.query));
  app.get('/api/payments/reports/daily/export', {
    schema: { tags, summary: '导出收费日报（xlsx / pdf）', querystring: ZDailyReportExportQuery }, config: read,
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    return send(reply, await exportDailyReport(db, actorOf(req), q, format));
  });

  app.get('/api/payments/shifts/preview', {
    schema: { tags, summary: '本人当前班次的收款汇总（交班前核对）', querystring: ZShiftPreviewQuery, response: { 200: ZShiftPreview } }, config: collect,
  }, (req) => previewShift(db, actorOf(req), req.query.projectId));
  app.post('/api/payments/shifts', {
    schema: { tags, summary: '交班：汇总本人自上次交班以来的收款，登记现金清点', body: ZShiftCreate, response: { 200: ZShift } }, config: collect,
  }, (req) => createShift(db, actorOf(req), req.body));
  app.get('/api/payments/shifts', {
    schema: { tags, summary: '交班记录', querystring: ZShiftQuery, response: { 200: ZShiftPage } }, config: read,
  }, (req) => listShifts(db, actorOf(req), req.query));
}

