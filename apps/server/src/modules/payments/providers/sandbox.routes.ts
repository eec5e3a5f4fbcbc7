import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { App, FastifyReply, FastifyRequest } from '../../../lib/http.ts';
import { notFound } from '../../../lib/errors.ts';
import { notFoundPage, PAGE_CSP, payPage, resultPage, safeReturnUrl } from './sandbox.page.ts';
import { sandboxOf, scheduleNotification } from './sandbox.jobs.ts';
import type { SandboxFaults } from './sandbox.provider.ts';
import { sandboxStatementCsv } from './sandbox.statement.ts';

/**
 * The sandbox provider's public pages (DESIGN: "the sandbox pay page" is a public route): the pay
 * page, its 确认支付 (with the tester's faults), and the day's statement in WeChat's bill layout.
 * Answers 404 when the sandbox is switched off (PAY_SANDBOX=0). Hidden from OpenAPI: not our API.
 */
const OutTradeNo = z.object({ outTradeNo: z.string().regex(/^[0-9A-Za-z_-]{6,32}$/, 'out_trade_no') });
const flag = z.preprocess((v) => (v === undefined || v === '' ? undefined : v === true || v === 'on' || v === '1' || v === 'true' ? true
  : v === false || v === '0' || v === 'false' ? false : v), z.boolean().optional());
const int = (max: number) => z.preprocess((v) => (v === '' || v === undefined ? undefined : typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : v),
  z.number().int().min(0).max(max).optional());
export const ZSandboxFaults = z.object({
  duplicates: int(20), delaySeconds: int(600), wrongAmount: flag, badSignature: flag, silent: flag,
}).strict();

export function paySandboxRoutes(app: App, ctx: AppContext) {
  // an encapsulated context: the pay page's form posts form-urlencoded, which only these routes parse
  app.register(async (s: App) => {
    s.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      const out: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
      done(null, out);
    });

    s.get('/sandbox/pay/statement', {
      config: { access: { public: 'the sandbox provider\'s statement download (reconciliation); sandbox only' } },
      schema: { hide: true, querystring: z.object({ date: z.iso.date() }) } as any,
    }, async (req, reply) => {
      if (!sandboxOf(ctx)) throw notFound('沙箱支付');
      const { date } = req.query as { date: string };
      const csv = await sandboxStatementCsv(ctx.database, date);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="sandbox-trade-bill-${date}.csv"`).send(csv);
    });

    s.get('/sandbox/pay/:outTradeNo', {
      config: { access: { public: 'the sandbox provider\'s pay page, opened by the payer without an account' } },
      schema: { hide: true, params: OutTradeNo, querystring: z.object({ cancelled: z.string().max(8).optional() }) } as any,
    }, async (req, reply) => {
      const provider = sandboxOf(ctx);
      if (!provider) throw notFound('沙箱支付');
      const { outTradeNo } = req.params as { outTradeNo: string };
      const o = await provider.find(outTradeNo);
      page(reply);
      if (!o) return reply.status(404).send(notFoundPage());
      if (o.status === 'SUCCESS' || o.status === 'REFUND') return reply.send(resultPage(o, 'already_paid'));
      if (o.status === 'CLOSED' || provider.expired(o)) return reply.status(409).send(resultPage(o, 'closed'));
      const self = `${new URL(o.notifyUrl).origin}/sandbox/pay/${encodeURIComponent(o.outTradeNo)}`;
      return reply.send(await payPage(o, self, { cancelled: (req.query as any).cancelled === '1' }));
    });

    s.post('/sandbox/pay/:outTradeNo/pay', {
      config: { access: { public: 'the payer confirms on the sandbox provider\'s pay page' } },
      schema: { hide: true, params: OutTradeNo, body: ZSandboxFaults.optional() } as any,
    }, async (req, reply) => {
      const provider = sandboxOf(ctx);
      if (!provider) throw notFound('沙箱支付');
      const { outTradeNo } = req.params as { outTradeNo: string };
      const faults = compact((req.body ?? {}) as SandboxFaults);
      const delayMs = (faults.delaySeconds ?? 0) * 1000;
      const paid = await ctx.database.db.transaction(async (tx) => {
        const row = await provider.markPaid(outTradeNo, faults, tx);
        // with jobs the first notification is queued in the same transaction: it exists exactly when the payment does
        if (row && ctx.jobs && !faults.silent) await scheduleNotification(ctx, { kind: 'payment', outTradeNo, attempt: 0 }, { delayMs, tx });
        return row;
      });
      if (paid && !ctx.jobs && !faults.silent) await scheduleNotification(ctx, { kind: 'payment', outTradeNo, attempt: 0 }, { delayMs });
      const o = paid ?? await provider.find(outTradeNo);
      const wantsJson = isJson(req);
      if (!o) {
        if (wantsJson) throw notFound('订单');
        return page(reply).status(404).send(notFoundPage());
      }
      if (!paid) {
        const already = o.status === 'SUCCESS' || o.status === 'REFUND';
        if (wantsJson) {
          return reply.status(409).send({ error: { code: 'conflict', message: already ? '订单已支付' : '订单已关闭或已过期，不能付款', details: { status: already ? o.status : 'CLOSED' } } });
        }
        return page(reply).status(409).send(resultPage(o, already ? 'already_paid' : 'closed'));
      }
      if (wantsJson) return reply.send({ outTradeNo: o.outTradeNo, transactionId: o.transactionId, status: o.status, returnUrl: safeReturnUrl(o.returnUrl) });
      const back = safeReturnUrl(o.returnUrl);
      if (back) return reply.redirect(back, 303);
      return page(reply).send(resultPage(o, 'paid'));
    });
  });
}

function page(reply: FastifyReply) {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store');
}

const isJson = (req: FastifyRequest) => String(req.headers['content-type'] ?? '').includes('json') || (!req.headers['content-type'] && String(req.headers.accept ?? '').includes('json'));

/** only the faults asked for (a form sends every field) */
function compact(f: SandboxFaults): SandboxFaults {
  const out: SandboxFaults = {};
  if (f.duplicates) out.duplicates = f.duplicates;
  if (f.delaySeconds) out.delaySeconds = f.delaySeconds;
  if (f.wrongAmount) out.wrongAmount = true;
  if (f.badSignature) out.badSignature = true;
  if (f.silent) out.silent = true;
  return out;
}
