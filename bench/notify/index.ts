import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { closeContext, createContext } from '../../apps/server/src/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { runBenchmark, num } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { createThrowawayDatabase } from '../lib/db.ts';
import { log, round } from '../lib/log.ts';
import { generateResidents } from './data.ts';
import { measureSseFanout } from './sse.ts';
import { makeDeliverHandler } from '../../apps/server/src/modules/notifications/deliver.job.ts';

/**
 * bench/notify — 100,000 notifications fanned out to a project's residents (in-app + sandbox SMS):
 * the notify() transaction and the outbox workers, against bare set-based inserts of the same rows;
 * then SSE fan-out latency to 1,000 connected clients.
 */
await runBenchmark('notify', {
  residents: { type: 'string' }, workers: { type: 'string' }, 'sse-clients': { type: 'string' }, 'sse-rounds': { type: 'string' },
}, async (o) => {
  const n = num(o.residents, 100_000, 'residents');
  const workers = num(o.workers, 2, 'workers');
  const sseClients = num(o['sse-clients'], 1000, 'sse-clients');
  const db = await createThrowawayDatabase('notify');
  const config = loadConfig({
    NODE_ENV: 'production', LOG_LEVEL: 'silent', JOBS: '0', DEMO: '0', DATABASE_URL: db.url, DATABASE_POOL_SIZE: '12',
    APP_SECRET: randomBytes(32).toString('hex'), DATA_DIR: path.join(os.tmpdir(), 'wuye-bench-notify'),
  });
  const ctx = await createContext(config);
  onCleanup('context', () => closeContext(ctx));
  const d = ctx.database.db;
  const t0 = performance.now();
  const { companyId, projectId } = await generateResidents(d, n);
  log(`generated ${n} residents in ${round((performance.now() - t0) / 1000)} s`);

  // 1. notify(): inbox rows + outbox rows in one transaction
  let t = performance.now();
  const addressed = await d.transaction((tx) => ctx.notifier.notify(tx, 'account.password_changed', { companyId, residents: { projectId } }, { name: '业主', time: '2026-11-24 10:00' }));
  const notifyMs = performance.now() - t;
  log(`notify: ${addressed} people in ${round(notifyMs)} ms`);

  // 2. outbox: `workers` delivery workers (as many instances) through the sandbox SMS provider
  t = performance.now();
  const handlers = Array.from({ length: workers }, () => makeDeliverHandler(ctx.database, ctx.providers));
  const sent = (await Promise.all(handlers.map((h) => h(3_600_000)))).reduce((a, b) => a + b, 0);
  const deliverMs = performance.now() - t;
  const [check]: any = (await d.execute(sql`select count(*) filter (where status = 'sent')::int as sent, count(*)::int as total from deliveries`)).rows;
  log(`outbox: ${sent} deliveries in ${round(deliverMs)} ms`);

  // 3. baseline: the same rows (messages, deliveries, provider records) by bare set-based inserts
  await d.execute(sql`create table b_notifications (like notifications including defaults); create table b_deliveries (like deliveries including defaults); create table b_sandbox (like sandbox_messages including defaults)` as any).catch(async () => {
    for (const s of ['create table b_notifications (like notifications including defaults)', 'create table b_deliveries (like deliveries including defaults)', 'create table b_sandbox (like sandbox_messages including defaults)']) await d.execute(sql.raw(s));
  });
  t = performance.now();
  await d.execute(sql`insert into b_notifications (id, company_id, project_id, user_id, event, title, body, data)
    select uuid_v7(), company_id, project_id, user_id, event, title, body, data from notifications`);
  await d.execute(sql`insert into b_deliveries (id, company_id, notification_id, channel, address, status, attempts, sent_at)
    select uuid_v7(), company_id, id, 'sms', '19000000000', 'sent', 1, now() from b_notifications`);
  await d.execute(sql`insert into b_sandbox (id, channel, dedupe_key, "to", content)
    select uuid_v7(), 'sms', id::text, address, '{}'::jsonb from b_deliveries`);
  const bareMs = performance.now() - t;

  // 4. SSE fan-out to connected clients
  const app = await buildApp(ctx, { logger: false, web: false });
  onCleanup('app', () => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const sse = await measureSseFanout(ctx, (app.server.address() as any).port, companyId, sseClients, num(o['sse-rounds'], 5, 'sse-rounds'));

  const totalMs = notifyMs + deliverMs;
  return {
    benchmark: 'notify', database: 'postgresql', cpus: os.cpus().length,
    rows: { residents: n, notifications: addressed, deliveries: check.total, sent: check.sent },
    notify: { ms: round(notifyMs), rowsPerSec: Math.round((addressed * 2) / (notifyMs / 1000)) },
    outbox: { workers, ms: round(deliverMs), messagesPerSec: Math.round(sent / (deliverMs / 1000)) },
    endToEnd: { ms: round(totalMs), messagesPerSec: Math.round(addressed / (totalMs / 1000)) },
    bare: { ms: round(bareMs), messagesPerSec: Math.round(addressed / (bareMs / 1000)) },
    ratio: round(totalMs / bareMs, 2),
    sse,
  };
});
