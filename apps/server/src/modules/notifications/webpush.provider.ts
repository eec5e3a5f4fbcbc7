import webpush from 'web-push';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { getOrCreateSetting } from '../settings/settings.service.ts';
import { pushSubscriptions } from './notifications.table.ts';
import { ProviderError, type ChannelProvider, type OutgoingMessage } from './providers.ts';

export interface VapidKeys { publicKey: string; privateKey: string }

/** The VAPID key pair is generated on first start and shared by all instances through the database. */
export const vapidKeys = (database: Database) => getOrCreateSetting<VapidKeys>(database.db, 'webpush.vapid', () => webpush.generateVAPIDKeys());

/** Browsers' push services; a subscription pointing anywhere else is refused (no SSRF through push). */
export const defaultPushHosts = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'notify.windows.com', 'push.apple.com'];
export function pushEndpointAllowed(endpoint: string, allowed: string[]): boolean {
  try {
    const u = new URL(endpoint);
    return u.protocol === 'https:' && allowed.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

/**
 * Web Push to every installed PWA of the person (VAPID, RFC 8291 encryption by `web-push`).
 * Gone subscriptions (404/410) are removed. Chrome's push service is unreachable inside mainland
 * China, which is why SMS and WeChat remain the channels for a closed app there.
 */
export class WebPushProvider implements ChannelProvider {
  channel = 'webpush' as const;
  constructor(private database: Database, private subject: string, private agent?: import('node:https').Agent) {}

  async send(msg: OutgoingMessage) {
    const keys = await vapidKeys(this.database);
    const subs = await this.database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, msg.to));
    if (!subs.length) throw new ProviderError('no push subscription', false);
    const payload = JSON.stringify({ id: msg.id, title: msg.title, body: msg.body, data: msg.data });
    let delivered = 0;
    const errors: string[] = [];
    for (const s of subs) {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
          vapidDetails: { subject: this.subject, publicKey: keys.publicKey, privateKey: keys.privateKey }, TTL: 24 * 3600, timeout: 8000, ...(this.agent ? { agent: this.agent } : {}),
        });
        delivered++;
      } catch (err: any) {
        if (err?.statusCode === 404 || err?.statusCode === 410) {
          await this.database.db.execute(sql`delete from push_subscriptions where id = ${s.id}`);
        } else {
          errors.push(String(err?.statusCode ?? err?.message ?? err));
        }
      }
    }
    if (!delivered && errors.length) throw new ProviderError(`push failed: ${errors.join('; ')}`);
    return { ref: `webpush:${delivered}/${subs.length}` };
  }
}
