import { z } from 'zod';
import {
  ZIdParam, ZInvoiceableQuery, ZInvoiceablePage, ZInvoiceCreate, ZInvoiceDetail, ZInvoicePage, ZInvoiceQuery, ZInvoiceRed,
  ZMyInvoiceCreate, ZMyInvoiceQuery,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, type App, type FastifyReply, type FastifyRequest } from '../../lib/http.ts';
import { PDF_MIME } from '../../lib/pdf.ts';
import { createStore } from '../files/files.routes.ts';
import { loadById } from '../files/files.service.ts';
import { idempotent } from '../idempotency/idempotency.ts';
import { issueInvoice } from './einvoice/issue.ts';
import { invoiceDetail, invoiceFile, invoiceablePayments, listInvoices, myInvoices } from './einvoice/views.ts';
import { invoiceIssueJob } from './einvoice/jobs-def.ts';
import { lockVisible, requestInvoice, retryInvoice, reverseInvoice } from './invoices.service.ts';

const tags = ['payments'];
const mineTags = ['residents'];
const read = { access: { permission: 'payment.read', scope: 'project' } } as const;
const manage = { access: { permission: 'payment.invoice.manage', scope: 'project' } } as const;
const own = { access: { permission: 'resident.self', scope: 'own' } } as const;
const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

/** 发票: requests (console and resident), the list and detail, PDF downloads, red letters and retries. */
export function invoiceRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const store = createStore(ctx);
  /** without the issue job here (JOBS=0, or not registered), the request issues right after it commits */
  const inline = () => !ctx.jobs || !ctx.jobs.names.includes(invoiceIssueJob.name);

  /** a change guarded by Idempotency-Key, then (without jobs) the issuing, then the detail as it is now */
  async function change(req: FastifyRequest, reply: FastifyReply, actor: Actor, resident: boolean, work: (tx: Tx) => Promise<{ id: string }>) {
    const done = await idempotent(db, req, reply, actor, async (tx) => ({ id: (await work(tx)).id }));
    if (inline() && !reply.getHeader('idempotent-replayed')) await issueInvoice(ctx, done.id).catch((e) => req.log.warn({ err: e }, 'invoice issue'));
    return invoiceDetail(db, actor, done.id, resident);
  }

  async function sendFile(reply: FastifyReply, f: { fileId: string | null; invoiceNo: string | null; kind: string }) {
    if (!f.fileId) throw new AppError('conflict', 409, '发票尚未开具，没有 PDF', [{ path: 'params.id', message: 'not_issued' }]);
    const file = await loadById(db, f.fileId);
    if (!file) throw new AppError('not_found', 404, '发票文件不存在');
    const name = `${f.kind === 'red' ? '红字发票' : '发票'}-${f.invoiceNo}.pdf`;
    return reply.type(PDF_MIME).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store').send(await store.get(file.storageKey));
  }

  app.get('/api/invoices', { schema: { tags, summary: '发票列表（项目、房屋、状态、蓝字/红字、申请日期、发票号或抬头）', querystring: ZInvoiceQuery, response: { 200: ZInvoicePage } }, config: read },
    (req) => listInvoices(db, actorOf(req), req.query));
  app.get('/api/invoices/invoiceable', { schema: { tags, summary: '可开票的收款（未开票、扣除退款后仍有账单金额）', querystring: ZInvoiceableQuery, response: { 200: ZInvoiceablePage } }, config: read },
    (req) => invoiceablePayments(db, actorOf(req), req.query));
  app.get('/api/invoices/:id', { schema: { tags, summary: '发票详情（明细、对应收款）', params: ZIdParam, response: { 200: ZInvoiceDetail } }, config: read },
    (req) => invoiceDetail(db, actorOf(req), req.params.id));
  app.get('/api/invoices/:id/pdf', { schema: { tags, summary: '下载发票 PDF（已开具）', params: ZIdParam }, config: read },
    async (req, reply) => sendFile(reply, await invoiceFile(db, actorOf(req), req.params.id)));
  app.post('/api/invoices', {
    schema: { tags, summary: '开票申请（同一房屋的 1–50 笔收款；支持 Idempotency-Key）', headers: idemHeader, body: ZInvoiceCreate, response: { 200: ZInvoiceDetail } }, config: manage,
  }, (req, reply) => {
    const actor = actorOf(req);
    return change(req, reply, actor, false, (tx) => requestInvoice(tx, ctx, actor, req.body));
  });
  app.post('/api/invoices/:id/red', {
    schema: { tags, summary: '红冲（已开具的蓝字发票全额冲红，收款可重新开票）', params: ZIdParam, headers: idemHeader, body: ZInvoiceRed, response: { 200: ZInvoiceDetail } }, config: manage,
  }, (req, reply) => {
    const actor = actorOf(req);
    // answers the red invoice (its redOf is the blue, now reversed)
    return change(req, reply, actor, false, async (tx) => (await reverseInvoice(tx, ctx, actor, await lockVisible(tx, actor, req.params.id), req.body.reason)).red);
  });
  app.post('/api/invoices/:id/retry', {
    schema: { tags, summary: '重新开具（开具失败的发票）', params: ZIdParam, headers: idemHeader, response: { 200: ZInvoiceDetail } }, config: manage,
  }, (req, reply) => {
    const actor = actorOf(req);
    return change(req, reply, actor, false, async (tx) => retryInvoice(tx, ctx, actor, await lockVisible(tx, actor, req.params.id)));
  });

  app.get('/api/me/invoices', { schema: { tags: mineTags, summary: '我的发票', querystring: ZMyInvoiceQuery, response: { 200: ZInvoicePage } }, config: own },
    (req) => myInvoices(db, actorOf(req), req.query));
  app.get('/api/me/invoices/invoiceable', { schema: { tags: mineTags, summary: '我可开票的缴费记录', querystring: ZInvoiceableQuery, response: { 200: ZInvoiceablePage } }, config: own },
    (req) => invoiceablePayments(db, actorOf(req), req.query, true));
  app.get('/api/me/invoices/:id', { schema: { tags: mineTags, summary: '我的发票详情', params: ZIdParam, response: { 200: ZInvoiceDetail } }, config: own },
    (req) => invoiceDetail(db, actorOf(req), req.params.id, true));
  app.get('/api/me/invoices/:id/pdf', { schema: { tags: mineTags, summary: '下载我的发票 PDF', params: ZIdParam }, config: own },
    async (req, reply) => sendFile(reply, await invoiceFile(db, actorOf(req), req.params.id, true)));
  app.post('/api/me/invoices', {
    schema: { tags: mineTags, summary: '申请开票（本人房屋的缴费记录；支持 Idempotency-Key）', headers: idemHeader, body: ZMyInvoiceCreate, response: { 200: ZInvoiceDetail } }, config: own,
  }, (req, reply) => {
    const actor = actorOf(req);
    return change(req, reply, actor, true, (tx) => requestInvoice(tx, ctx, actor, req.body, { resident: true }));
  });
}
