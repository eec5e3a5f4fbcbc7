import client from 'prom-client';
import type { AppContext } from '../../context.ts';
import { ping } from '../../db/migrate.ts';
import type { App } from '../../lib/http.ts';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
export const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
});

export function healthRoutes(app: App, ctx: AppContext) {
  const sse = new client.Gauge({ name: 'sse_connections', help: 'Open SSE connections', registers: [], collect() { this.set(ctx.events.connections); } });
  if (!registry.getSingleMetric('sse_connections')) registry.registerMetric(sse);

  app.get('/health/live', { config: { access: { public: 'load balancer liveness probe' } }, schema: { tags: ['ops'], hide: true } as any },
    async () => ({ status: 'ok' }));
  app.get('/health/ready', { config: { access: { public: 'load balancer readiness probe' } }, schema: { tags: ['ops'], hide: true } as any },
    async (_req, reply) => {
      try {
        await ping(ctx.database);
        return { status: 'ok', database: ctx.database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
      }
    });
  app.get('/metrics', { config: { access: { public: 'Prometheus scrape; expose only on the internal network' } }, schema: { hide: true } as any },
    async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}
