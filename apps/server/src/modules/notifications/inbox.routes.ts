import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { ZChannelPrefs, ZIdParam, ZInboxQuery, ZNotification, ZOk, ZPage, ZUnreadCount, channels } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { channelPrefs, notifications } from './notifications.table.ts';

const self = { access: { permission: 'authenticated', scope: 'self' } } as const;
const tags = ['notifications'];

/** Everyone's own inbox and channel switches. */
export function inboxRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const mine = (userId: string) => and(eq(notifications.userId, userId), eq(notifications.inbox, true));

  app.get('/api/notifications', { schema: { tags, summary: '我的消息', querystring: ZInboxQuery, response: { 200: ZPage(ZNotification) } }, config: self },
    async (req) => {
      const actor = actorOf(req);
      const where = req.query.unread === 'true' ? and(mine(actor.userId!), isNull(notifications.readAt)) : mine(actor.userId!);
      const [rows, [n]] = await Promise.all([
        db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(req.query.pageSize).offset((req.query.page - 1) * req.query.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
      ]);
      return {
        items: rows.map((r) => ({ id: r.id, event: r.event, title: r.title, body: r.body, data: r.data, readAt: r.readAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() })),
        total: Number(n!.n), page: req.query.page, pageSize: req.query.pageSize,
      };
    });

  app.get('/api/notifications/unread-count', { schema: { tags, summary: '未读数', response: { 200: ZUnreadCount } }, config: self }, async (req) => {
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine(actorOf(req).userId!), isNull(notifications.readAt)));
    return { count: Number(n!.n) };
  });

  app.post('/api/notifications/:id/read', { schema: { tags, summary: '标记已读', params: ZIdParam, response: { 200: ZOk } }, config: self }, async (req) => {
    const actor = actorOf(req);
    const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, req.params.id), mine(actor.userId!))).returning({ id: notifications.id });
    if (!rows.length) throw notFound('消息');
    await db.transaction((tx) => ctx.events.publish(tx, [actor.userId!], { type: 'inbox.read', data: { id: req.params.id } }));
    return { ok: true as const };
  });

  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标记已读', response: { 200: ZUnreadCount } }, config: self }, async (req) => {
    const actor = actorOf(req);
    const rows = await db.update(notifications).set({ readAt: sql`now()` })
      .where(and(mine(actor.userId!), isNull(notifications.readAt))).returning({ id: notifications.id });
    await db.transaction((tx) => ctx.events.publish(tx, [actor.userId!], { type: 'inbox.read', data: { all: true } }));
    return { count: rows.length };
  });

  app.get('/api/me/channel-prefs', {
    schema: { tags, summary: '我的通知渠道设置', response: { 200: ZChannelPrefs } }, config: self,
  }, async (req) => {
    const rows = await db.select().from(channelPrefs).where(eq(channelPrefs.userId, actorOf(req).userId!));
    return { prefs: channels.map((c) => ({ channel: c, enabled: rows.find((r) => r.channel === c)?.enabled ?? true })) };
  });

  app.put('/api/me/channel-prefs', {
    schema: { tags, summary: '修改通知渠道设置', body: ZChannelPrefs, response: { 200: ZChannelPrefs } }, config: self,
  }, async (req) => {
    const userId = actorOf(req).userId!;
    await db.transaction(async (tx) => {
      for (const p of req.body.prefs) {
        await tx.insert(channelPrefs).values({ userId, channel: p.channel, enabled: p.enabled })
          .onConflictDoUpdate({ target: [channelPrefs.userId, channelPrefs.channel], set: { enabled: p.enabled } });
      }
    });
    const rows = await db.select().from(channelPrefs).where(eq(channelPrefs.userId, userId));
    return { prefs: channels.map((c) => ({ channel: c, enabled: rows.find((r) => r.channel === c)?.enabled ?? true })) };
  });
}
