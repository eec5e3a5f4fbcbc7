import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login } from '../../test/factories.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

let t: TestApp;
let sample: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  const seeded = await seedDemo(t.ctx.database.db, t.ctx.secrets);
  sample = seeded ? seeded.sampleIdNumbers : [];
}, 300_000);
afterAll(async () => t?.close());

describe('demo data', () => {
  it('has two projects with about 2,000 rooms, owners, tenants, parking and vehicles', async () => {
    const [c]: any = (await t.ctx.database.db.execute(sql`select
      (select count(*) from rooms)::int as rooms, (select count(*) from persons)::int as persons,
      (select count(*) from room_residents where relation = 'tenant')::int as tenants,
      (select count(*) from parking_spaces)::int as parking, (select count(*) from vehicles)::int as vehicles`)).rows;
    expect(c.rooms).toBe(1984);
    expect(c.persons).toBeGreaterThan(1200);
    expect(c.tenants).toBeGreaterThan(50);
    expect(c).toMatchObject({ parking: 300, vehicles: 200 });
    expect(await seedDemo(t.ctx.database.db, t.ctx.secrets)).toBe(false); // seeded once
  });

  it('keeps no ID number in plain text anywhere in the database', async () => {
    expect(sample.length).toBeGreaterThan(20);
    const tables: any = await t.ctx.database.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
    for (const { tablename } of tables.rows) {
      const dump: any = await t.ctx.database.db.execute(sql.raw(`select coalesce(string_agg(t::text, E'\\n'), '') as text from "${tablename}" t`));
      const text: string = dump.rows[0].text;
      for (const id of sample) expect(text.includes(id), `${id} in ${tablename}`).toBe(false);
    }
  });

  it('lets the demo resident sign in and see their home', async () => {
    const cookie = await login(t, 'resident', DEMO_PASSWORD);
    const rooms = (await t.app.inject({ method: 'GET', url: '/api/me/rooms', headers: { cookie } })).json();
    expect(rooms).toMatchObject([{ roomCode: '1-1-0101', projectName: '阳光花园', relation: 'owner' }]);
  });
});
