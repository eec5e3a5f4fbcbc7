// payments: counter payments (three allocations and a receipt each) and provider callbacks posted
// per second with 20 concurrent clients on PostgreSQL, against a bare Fastify + pg server writing
// the same rows in the same run; p50/p99 client side. See bench/README.md.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openPg } from '../../apps/server/src/db/client.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { rowsOf } from '../../apps/server/src/db/rows.ts';
import { secretsFrom } from '../../apps/server/src/lib/secrets.ts';
import { newTransactionId, SANDBOX_MCH_ID, SandboxProvider } from '../../apps/server/src/modules/payments/providers/sandbox.provider.ts';
import { num, runBenchmark } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { adminUrl, createThrowawayDatabase, serverVersion } from '../lib/db.ts';
import { log, round } from '../lib/log.ts';
import { login } from '../lib/login.ts';
import { startServer } from '../lib/server.ts';
import type { BarePay } from './bare.ts';
import { generate, type Generated, type RoomBills } from './data.ts';
import { drive, type DriveResult, type Job } from './drive.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appModule = path.join(here, '..', 'lib', 'app.ts');
const bareModule = path.join(here, 'bare.ts');
const profileDir = path.join(here, '..', '.profiles');
const json = { 'content-type': 'application/json' };

await runBenchmark('payments', {
  payments: { type: 'string' },
  callbacks: { type: 'string' },
  warm: { type: 'string' },
  concurrency: { type: 'string' },
  pool: { type: 'string' },
  'app-log': { type: 'string' },
  /** every statement of the run in PostgreSQL's server log, with its duration (to see a payment's statements) */
  'log-statements': { type: 'boolean' },
  /** the app process's V8 CPU profile into bench/.profiles/ */
  'cpu-prof': { type: 'boolean' },
}, async (args) => {
  const settings = {
    payments: Math.round(num(args.payments, 3000, 'payments')),
    callbacks: Math.round(num(args.callbacks, 3000, 'callbacks')),
    warm: Math.round(num(args.warm, 300, 'warm')),
    concurrency: Math.round(num(args.concurrency, 20, 'concurrency')),
    poolSize: Math.round(num(args.pool, 10, 'pool')),
  };
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const pgDb = await createThrowawayDatabase('payments', adminUrl());
  const database = openPg(pgDb.url, 2);
  onCleanup('close generator pool', () => database.close());
  await migrate(database);
  const t0 = Date.now();
  const data = await generate(database.db, { warm: settings.warm, counter: settings.payments, online: settings.callbacks });
  log(`generated ${JSON.stringify(data.rows)} in ${round((Date.now() - t0) / 1000, 1)} s`);

  if (args['log-statements']) await database.db.execute(sql.raw(`alter database ${pgDb.name} set log_min_duration_statement = 0`));
  const appSecret = randomBytes(32).toString('hex');
  const app = await startServer({ label: 'app (PostgreSQL)', module: appModule, name: 'startApp', options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, appSecret, ...(args['app-log'] ? { logLevel: args['app-log'] } : {}) },
    ...(args['cpu-prof'] ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}) });
  const bare = await startServer({ label: 'bare (Fastify + pg, the same rows)', module: bareModule, name: 'startBarePayments', options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, companyId: data.companyId, projectId: data.bare.projectId, cashierId: data.cashier.userId } });
  const cookie = await login(app.url, data.cashier);

  // counter: cash for a room's three bills, tendered rounded up to 10 元, one Idempotency-Key each
  const counterJob = (r: RoomBills): Job => ({
    url: `${app.url}/api/payments`, headers: { ...json, cookie, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ roomId: r.roomId, channel: 'cash', amountFen: r.totalFen, billIds: r.bills.map((b) => b.id), tenderedFen: Math.ceil(r.totalFen / 1000) * 1000 }),
  });
  const bareJob = (r: RoomBills, online: boolean): Job => {
    const b: BarePay = { key: randomUUID(), roomId: r.roomId, bills: r.bills, amountFen: r.totalFen, ...(online ? { outTradeNo: r.outTradeNo, providerTxnId: newTransactionId() } : {}) };
    return { url: `${bare.url}/${online ? 'notify' : 'pay'}`, headers: json, body: JSON.stringify(b) };
  };
  // callbacks: TRANSACTION.SUCCESS as the sandbox signs it (WeChat Pay v3 envelope, AEAD_AES_256_GCM, HMAC) — built before the clock starts
  const sandbox = new SandboxProvider(null as never, secretsFrom(Buffer.from(appSecret, 'utf8')));
  const notifyJob = (r: RoomBills): Job => {
    const d = sandbox.notification({
      merchantId: SANDBOX_MCH_ID, outTradeNo: r.outTradeNo!, transactionId: newTransactionId(), amountFen: r.totalFen,
      notifyUrl: `${app.url}/api/payments/notify/sandbox`, paidAt: new Date(),
    } as Parameters<SandboxProvider['notification']>[0], null);
    return { url: app.url + d.url, headers: d.headers, body: d.payload };
  };

  const c = settings.concurrency;
  const warmOnline = Math.min(settings.warm, Math.floor(settings.callbacks / 10));
  await drive('app counter warm-up', data.app.warm.map(counterJob), c);
  await drive('bare counter warm-up', data.bare.warm.map((r) => bareJob(r, false)), c);
  const counter = {
    app: await drive('app counter', data.app.counter.map(counterJob), c),
    bare: await drive('bare counter', data.bare.counter.map((r) => bareJob(r, false)), c),
  };
  // WeChat Pay v3 wants 200 or 204 without a body for an accepted notification
  const acked = [200, 204];
  await drive('app callbacks warm-up', data.app.online.slice(0, warmOnline).map(notifyJob), c, acked);
  await drive('bare callbacks warm-up', data.bare.online.slice(0, warmOnline).map((r) => bareJob(r, true)), c);
  const callbacks = {
    app: await drive('app callbacks', data.app.online.slice(warmOnline).map(notifyJob), c, acked),
    bare: await drive('bare callbacks', data.bare.online.slice(warmOnline).map((r) => bareJob(r, true)), c),
  };
  const rss = { appMb: (await app.stop()).hwmMb, bareMb: (await bare.stop()).hwmMb };
  const checks = await verify(database.db, data);

  const ratio = (x: { app: DriveResult; bare: DriveResult }) => round(x.app.perSec / x.bare.perSec, 3);
  return {
    benchmark: 'payments',
    database: 'postgresql',
    endpoints: { counter: 'POST /api/payments (cash, 3 bills, Idempotency-Key)', callbacks: 'POST /api/payments/notify/sandbox (signed TRANSACTION.SUCCESS)' },
    rows: data.rows,
    counter: { ...counter, ratio: ratio(counter) },
    callbacks: { ...callbacks, ratio: ratio(callbacks) },
    checks,
    rssPeakMb: rss,
    settings: { ...settings, client: `${c} closed-loop clients (fetch) in the orchestrator; each server in its own child process` },
    machine: { cpus: os.cpus().length, node: process.version, postgresql: await serverVersion(pgDb.url), loadavg1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0]!, 2) } },
    seconds: round((Date.now() - started) / 1000, 0),
  };
});

/** What both must have written: one payment per room, three allocations each, gap-free receipts, every bill settled. */
async function verify(db: Parameters<typeof generate>[0], data: Generated) {
  const out: Record<string, unknown> = {};
  for (const [key, set] of [['app', data.app], ['bare', data.bare]] as const) {
    const rooms = set.warm.length + set.counter.length + set.online.length;
    const [r] = rowsOf(await db.execute(sql`select
      (select count(*)::int from payments where project_id = ${set.projectId}) as payments,
      (select count(*)::int from payment_allocations a join payments p on p.id = a.payment_id where p.project_id = ${set.projectId}) as allocations,
      (select count(*)::int from receipts where project_id = ${set.projectId}) as receipts,
      (select coalesce(max(seq), 0)::int from receipts where project_id = ${set.projectId}) as "maxSeq",
      (select count(*)::int from payment_orders where project_id = ${set.projectId} and status = 'paid') as "ordersPaid",
      (select count(*)::int from (select bill_id from ledger_entries where project_id = ${set.projectId} and account = 'receivable'
         group by bill_id having sum(amount_fen) <> 0) x) as "billsOwing"`));
    const ok = r.payments === rooms && r.allocations === 3 * rooms && r.receipts === rooms && r.maxSeq === rooms && r.ordersPaid === set.online.length && r.billsOwing === 0;
    out[key] = { ...r, expectedPayments: rooms, ok };
    if (!ok) throw new Error(`${key}: wrote ${JSON.stringify(r)}, expected ${rooms} payments, ${3 * rooms} allocations, receipts 1…${rooms}, ${set.online.length} orders paid, nothing owing`);
  }
  return out;
}

