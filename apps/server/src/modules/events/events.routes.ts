import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../lib/http.ts';

const HEARTBEAT_MS = 25_000;

/** Server-Sent Events for the signed-in user: `event: <type>` lines with JSON data. */
export function eventRoutes(app: App, ctx: AppContext) {
  // Open streams would hold a graceful shutdown forever: end them when the server closes.
  const open = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => { for (const res of open) res.end(); });

  app.get('/api/events', {
    schema: { tags: ['events'], summary: '实时事件流（SSE）', produces: ['text/event-stream'] } as any,
    config: { access: { permission: 'authenticated', scope: 'self' } },
  }, (req, reply) => {
    const actor = actorOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    open.add(res);
    res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    const unsubscribe = ctx.events.subscribe(actor.userId!, (e) => {
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data ?? {})}\n\n`);
    });
    const beat = setInterval(() => res.write(`: ping\n\n`), HEARTBEAT_MS);
    req.raw.on('close', () => { clearInterval(beat); unsubscribe(); open.delete(res); });
  });
}
