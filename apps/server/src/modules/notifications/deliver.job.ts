import { sql } from 'drizzle-orm';
import type { Channel, Locale, NotificationEvent } from '@wuye/shared';
import type { Database } from '../../db/client.ts';
import { defineJob } from '../../jobs/queue.ts';
import type { ChannelProvider } from './providers.ts';
import { ProviderError } from './providers.ts';
import { loadTemplateOverrides, pickTemplate, render, type TemplateText } from './templates.ts';

export const MAX_ATTEMPTS = 6;
const CLAIM = 100;
const PARALLEL = 20;
const SEND_TIMEOUT_MS = 10_000;
/** a delivery left in `sending` this long belongs to a worker that died: claim it again */
const STALE_SENDING = '2 minutes';

export const backoffSeconds = (attempts: number) => Math.min(3600, 10 * 2 ** (attempts - 1));

/** Wakes the outbox worker; the same job runs every minute as a sweeper for retries and crashes. */
export const deliverJob = defineJob<{ reason?: string }>({ name: 'notify-deliver', cron: '* * * * *', retryLimit: 3, async handler() {} });

interface Claimed {
  id: string; channel: Channel; address: string; attempts: number; notificationId: string; companyId: string | null;
  event: NotificationEvent; data: Record<string, unknown>; locale: Locale; title: string; body: string;
}

/**
 * Claims due deliveries (skip-locked, so instances share the work), sends each through its
 * channel's provider with the delivery id as the idempotency key, and records the outcome.
 * A crash between send and record leaves the row in `sending`; it is claimed again later and the
 * provider (or the sandbox's unique key) drops the duplicate.
 */
export function makeDeliverHandler(database: Database, providers: Partial<Record<Channel, ChannelProvider>>) {
  return async function deliverAll(budgetMs = 30_000): Promise<number> {
    const started = Date.now();
    let total = 0;
    for (;;) {
      const batch = await claim(database);
      if (!batch.length) break;
      total += batch.length;
      const sent: { id: string; ref: string }[] = [];
      for (let i = 0; i < batch.length; i += PARALLEL) {
        const refs = await Promise.all(batch.slice(i, i + PARALLEL).map((d) => deliverOne(database, providers, d)));
        refs.forEach((ref, k) => { if (ref) sent.push({ id: batch[i + k]!.id, ref }); });
      }
      await markSent(database, sent);
      if (Date.now() - started > budgetMs) break;
    }
    return total;
  };
}

async function claim(database: Database): Promise<Claimed[]> {
  const res: any = await database.db.execute(sql`
    update deliveries d set status = 'sending', attempts = d.attempts + 1, updated_at = now()
      from notifications n, users u
     where d.id in (
             select id from deliveries
              where (status = 'pending')
                 or (status = 'failed' and next_attempt_at <= now())
                 or (status = 'sending' and updated_at < now() - ${STALE_SENDING}::interval)
              order by created_at
              limit ${CLAIM}
              for update skip locked)
       and n.id = d.notification_id and u.id = n.user_id
    returning d.id, d.channel, d.address, d.attempts, d.notification_id as "notificationId", d.company_id as "companyId",
              n.event, n.data, n.title, n.body, u.locale`);
  return res.rows.map((r: any) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
}

const templateCache = new Map<string, { at: number; map: Map<string, TemplateText> }>();
async function overrides(database: Database, companyId: string | null, event: string) {
  const key = `${companyId}|${event}`;
  const hit = templateCache.get(key);
  if (hit && Date.now() - hit.at < 30_000) return hit.map;
  const map = await loadTemplateOverrides(database.db, companyId, event);
  templateCache.set(key, { at: Date.now(), map });
  return map;
}

/** Records a batch's successes in one statement; failures are recorded one by one as they happen. */
async function markSent(database: Database, sent: { id: string; ref: string }[]) {
  if (!sent.length) return;
  await database.db.execute(sql`
    update deliveries d set status = 'sent', provider_ref = v.ref, sent_at = now(), last_error = null, updated_at = now()
      from unnest(${sql.param(sent.map((x) => x.id))}::uuid[], ${sql.param(sent.map((x) => x.ref))}::text[]) as v(id, ref)
     where d.id = v.id`);
}

/** Sends one delivery; returns the provider's reference, or null after recording the failure. */
async function deliverOne(database: Database, providers: Partial<Record<Channel, ChannelProvider>>, d: Claimed): Promise<string | null> {
  const provider = providers[d.channel];
  try {
    if (!provider) throw new ProviderError(`no provider configured for ${d.channel}`, false);
    const text = render(pickTemplate(await overrides(database, d.companyId, d.event), d.event, d.channel, d.locale), d.data);
    const { ref } = await withTimeout(provider.send({ id: d.id, event: d.event, to: d.address, title: text.title, body: text.body, data: { ...d.data, notificationId: d.notificationId } }));
    return ref;
  } catch (err) {
    const retryable = !(err instanceof ProviderError) || err.retryable;
    const dead = !retryable || d.attempts >= MAX_ATTEMPTS;
    const message = String((err as Error).message ?? err).slice(0, 500);
    await database.db.execute(sql`
      update deliveries set status = ${dead ? 'dead' : 'failed'}, last_error = ${message}, updated_at = now(),
             next_attempt_at = ${dead ? null : new Date(Date.now() + backoffSeconds(d.attempts) * 1000).toISOString()}::timestamptz
       where id = ${d.id}`);
    return null;
  }
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProviderError('provider timed out')), SEND_TIMEOUT_MS);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
