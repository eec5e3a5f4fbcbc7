import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZOk } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../lib/errors.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { pushSubscriptions } from './notifications.table.ts';
import { pushEndpointAllowed, vapidKeys } from './webpush.provider.ts';

const ZSubscription = z.object({
  endpoint: z.url().max(1000),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
}).strict();
const self = { access: { permission: 'authenticated', scope: 'self' } } as const;
const tags = ['notifications'];

/** Installed PWAs register here for Web Push. */
export function pushRoutes(app: App, ctx: AppContext) {
  app.get('/api/push/vapid-public-key', {
    schema: { tags, summary: 'Web Push 公钥（VAPID）', response: { 200: z.object({ publicKey: z.string() }) } }, config: self,
  }, async () => ({ publicKey: (await vapidKeys(ctx.database)).publicKey }));

  app.post('/api/me/push-subscriptions', {
    schema: { tags, summary: '登记本设备的推送订阅', body: ZSubscription, response: { 200: ZOk } }, config: self,
  }, async (req) => {
    const userId = actorOf(req).userId!;
    if (!pushEndpointAllowed(req.body.endpoint, ctx.providers.pushHosts)) {
      throw badRequest('不支持的推送服务地址', [{ path: 'body.endpoint', message: 'push service not allowed' }]);
    }
    await ctx.database.db.insert(pushSubscriptions)
      .values({ userId, endpoint: req.body.endpoint, p256dh: req.body.keys.p256dh, auth: req.body.keys.auth })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: req.body.keys.p256dh, auth: req.body.keys.auth } });
    return { ok: true as const };
  });

  app.delete('/api/me/push-subscriptions', {
    schema: { tags, summary: '取消本设备的推送订阅', body: z.object({ endpoint: z.string().max(1000) }).strict(), response: { 200: ZOk } }, config: self,
  }, async (req) => {
    await ctx.database.db.delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, actorOf(req).userId!), eq(pushSubscriptions.endpoint, req.body.endpoint)));
    return { ok: true as const };
  });
}
