import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import type { App } from './lib/http.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { notFoundJson, registerStatic } from './plugins/static.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { eventRoutes } from './modules/events/events.routes.ts';
import { healthRoutes, httpDuration } from './modules/health/health.routes.ts';
import { apiKeyRoutes } from './modules/integrations/apikeys.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { platformRoutes, sandboxRoutes } from './modules/platform/platform.routes.ts';
import { inboxRoutes } from './modules/notifications/inbox.routes.ts';
import { notificationAdminRoutes } from './modules/notifications/admin.routes.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { pushRoutes } from './modules/notifications/push.routes.ts';
import { estateRoutes } from './modules/estate/estate.routes.ts';
import { placesRoutes } from './modules/estate/places.routes.ts';
import { residentsRoutes } from './modules/estate/residents.routes.ts';
import { bindingRoutes } from './modules/estate/bindings.routes.ts';
import { estateExcelRoutes } from './modules/estate/excel/excel.routes.ts';
import { myHomeRoutes } from './modules/estate/my-home.routes.ts';
import { billingRoutes } from './modules/billing/billing.routes.ts';
import { billRunRoutes } from './modules/billing/runs.routes.ts';
import { billAccountRoutes } from './modules/billing/accounts.routes.ts';
import { prepaidRoutes } from './modules/billing/prepaid.routes.ts';
import { billingReportRoutes } from './modules/billing/reports.routes.ts';
import { openingBalanceRoutes } from './modules/billing/opening.routes.ts';
import { statementRoutes } from './modules/billing/statement.routes.ts';
import { myBillsRoutes } from './modules/billing/my-bills.routes.ts';
import { workOrderRoutes } from './modules/workorders/workorders.routes.ts';
import { savedViewRoutes } from './modules/workorders/saved-views.routes.ts';
import { workOrderCalendarRoutes } from './modules/workorders/calendar.routes.ts';
import { dispatchSetupRoutes } from './modules/workorders/dispatch.routes.ts';
import { workOrderQrRoutes } from './modules/workorders/qr.routes.ts';
import { counterRoutes } from './modules/payments/counter.routes.ts';
import { onlineRoutes } from './modules/payments/online.routes.ts';
import { refundRoutes } from './modules/payments/refunds.routes.ts';
import { invoiceRoutes } from './modules/payments/invoices.routes.ts';
import { reminderRoutes } from './modules/payments/reminders.routes.ts';
import { financeRoutes } from './modules/payments/finance.routes.ts';
import { paySandboxRoutes } from './modules/payments/providers/sandbox.routes.ts';

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Every module's routes; later modules add theirs here and the matrix and fuzz tests pick them up. */
const modules = [
  authRoutes, orgRoutes, auditRoutes, apiKeyRoutes, platformRoutes, eventRoutes, healthRoutes, inboxRoutes, notificationAdminRoutes,
  pushRoutes, filesRoutes, sandboxRoutes, estateRoutes, placesRoutes, residentsRoutes, bindingRoutes, estateExcelRoutes, myHomeRoutes, billingRoutes,
  billRunRoutes, billAccountRoutes, prepaidRoutes, billingReportRoutes, openingBalanceRoutes, statementRoutes, myBillsRoutes, workOrderRoutes, savedViewRoutes, workOrderCalendarRoutes, dispatchSetupRoutes, workOrderQrRoutes,
  counterRoutes, onlineRoutes, refundRoutes, invoiceRoutes, reminderRoutes, financeRoutes, paySandboxRoutes,
];

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; web?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.LOG_LEVEL },
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.TRUST_PROXY,
    routerOptions: { maxParamLength: 200 },
  } as FastifyServerOptions).withTypeProvider<ZodTypeProvider>();
  ctx.loopback = async (r) => { const res = await app.inject(r); return { statusCode: res.statusCode, body: res.body }; };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON (and multipart for uploads); a text body is a client mistake: 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  await app.register(cookie);
  await app.register(authPlugin, { ctx });
  await registerOpenApi(app);
  for (const register of modules) await register(app, ctx);
  const served = opts.web !== false && (await registerStatic(app, ctx.config.WEB_DIST ?? defaultWebDist));
  if (!served) app.setNotFoundHandler((_req, reply) => notFoundJson(reply));
  await app.ready();
  return app;
}
