import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { defineJob, Jobs } from './queue.ts';

/** pg-boss on the same driver as the app: a job sent inside a transaction exists only if it commits. */
let t: TestApp;
let jobs: Jobs;
const seen: string[] = [];
const echo = defineJob<{ tag: string }>({ name: 'test-echo', async handler(batch) { for (const j of batch) seen.push(j.data.tag); } });
beforeAll(async () => {
  t = await startTestApp();
  jobs = await Jobs.start(t.ctx.database, t.ctx.config.DATABASE_URL, [echo]);
});
afterAll(async () => { await jobs?.stop(); await t?.close(); });

describe('job queue', () => {
  it('runs jobs sent in a committed transaction and drops those of a rolled-back one', async () => {
    const db = t.ctx.database.db;
    await db.transaction(async (tx) => { await jobs.send(echo, { tag: 'committed' }, { tx }); });
    await db.transaction(async (tx) => {
      await jobs.send(echo, { tag: 'rolled-back' }, { tx });
      tx.rollback();
    }).catch(() => {});
    await jobs.send(echo, { tag: 'direct' });
    const end = Date.now() + 20_000;
    while (seen.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.sort()).toEqual(['committed', 'direct']);
  });

  it('holds a delayed job (a deadline) until its time comes', async () => {
    const sentAt = Date.now();
    await jobs.send(echo, { tag: 'deadline' }, { startAfter: 3 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).not.toContain('deadline');
    const end = Date.now() + 20_000;
    while (!seen.includes('deadline') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(seen).toContain('deadline');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(3000);
  });

  it('registers cron schedules in the database (one schedule, whatever the number of instances)', async () => {
    const cron = defineJob({ name: 'test-cron', cron: '*/5 * * * *', async handler() {} });
    const second = await Jobs.start(t.ctx.database, t.ctx.config.DATABASE_URL, [cron], { work: false });
    const third = await Jobs.start(t.ctx.database, t.ctx.config.DATABASE_URL, [cron], { work: false });
    const res: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from pgboss.schedule where name = 'test-cron'`);
    expect(Number(res.rows[0].n)).toBe(1);
    await second.stop();
    await third.stop();
  });
});
