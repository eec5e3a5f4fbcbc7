import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { piiReencryptJob } from './pii-rotation.job.ts';
import { reencryptAll } from './pii-rotation.service.ts';
import { cipherOf } from './persons.service.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
let op: string;
const people: { id: string; phone: string; idNo: string | null }[] = [];

/** A valid 18-digit ID number (check digit computed) for the n-th test person. */
function idNumber(n: number) {
  const body = `11010519800101${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[weights.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11];
}

const get = (url: string, cookie = pm) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const stored = async () => {
  const res: any = await t.ctx.database.db.execute(sql`select id, phone_enc, id_no_enc, phone_bidx, id_no_bidx, version from persons
    where company_id = ${ours.companyId} order by id`);
  return res.rows as { id: string; phone_enc: string | null; id_no_enc: string | null; phone_bidx: string | null; id_no_bidx: string | null; version: number }[];
};
const values = (rows: Awaited<ReturnType<typeof stored>>) => rows.flatMap((r) => [r.phone_enc, r.id_no_enc]).filter((v): v is string => v !== null);
const auditCount = async (action: string) => {
  const res: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action}`);
  return Number(res.rows[0].n);
};

async function addPerson(n: number, withId: boolean) {
  const phone = `1370000${String(n).padStart(4, '0')}`;
  const idNo = withId ? idNumber(n) : null;
  const res = await t.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: pm },
    payload: { name: `轮换${n}`, phone, ...(idNo ? { idType: 'id_card', idNo } : {}) } });
  expect(res.statusCode).toBe(200);
  people.push({ id: res.json().id, phone, idNo });
}

async function expectReadable() {
  for (const p of people) {
    const full = (await get(`/api/persons/${p.id}?reveal=1`)).json();
    expect(full).toMatchObject({ phone: p.phone, idNo: p.idNo, masked: false });
    expect((await get(`/api/persons?phone=${p.phone}`)).json().items.map((x: any) => x.id)).toEqual([p.id]);
    if (p.idNo) expect((await get(`/api/persons?idNo=${p.idNo}`)).json().items.map((x: any) => x.id)).toEqual([p.id]);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  op = await login(t, (await createUser(t, { platform: true })).phone);
  for (let n = 1; n <= 5; n++) await addPerson(n, n % 2 === 1);
});
afterAll(async () => t?.close());

describe('PII key rotation', () => {
  it('encrypts under the configured key and reports values per key to the platform operator only', async () => {
    expect(values(await stored()).every((v) => v.startsWith('v1.k1.'))).toBe(true);
    const status = (await get('/api/platform/pii-keys', op)).json();
    expect(status).toEqual({ currentKeyId: 'k1', keys: [{ keyId: 'k1', phone: 5, idNo: 3, current: true }], pending: 0 });
    expect((await get('/api/platform/pii-keys', pm)).statusCode).toBe(403);
  });

  it('after a restart with a new key id, old values still decrypt and the job moves them over once', async () => {
    const before = await stored();
    t = await t.restart({ env: { PII_KEY_ID: 'k2' } });
    // sessions live in the database: the same cookies still work after the restart
    expect((await get('/api/platform/pii-keys', op)).json()).toMatchObject({ currentKeyId: 'k2', keys: [{ keyId: 'k1', phone: 5, idNo: 3, current: false }], pending: 8 });
    await expectReadable();
    await addPerson(6, true); // new values use the new key straight away
    expect((await stored()).find((r) => r.id === people[5]!.id)!.phone_enc).toMatch(/^v1\.k2\./);
    // with jobs off here, the operator's "now" has nothing to enqueue on
    expect((await t.app.inject({ method: 'POST', url: '/api/platform/pii-keys/reencrypt', headers: { cookie: op } })).statusCode).toBe(409);

    await piiReencryptJob(t.ctx).handler([{ id: 'test', name: 'pii-reencrypt', data: {} } as any]);
    const after = await stored();
    expect(values(after).every((v) => v.startsWith('v1.k2.'))).toBe(true);
    for (const r of after.filter((x) => before.some((b) => b.id === x.id))) {
      const b = before.find((x) => x.id === r.id)!;
      expect([r.phone_bidx, r.id_no_bidx, r.version]).toEqual([b.phone_bidx, b.id_no_bidx, b.version]); // blind index and version untouched
      expect(r.phone_enc).not.toBe(b.phone_enc);
    }
    await expectReadable();
    expect(await auditCount('pii.reencrypted')).toBe(1);
    expect((await get('/api/platform/pii-keys', op)).json()).toEqual({ currentKeyId: 'k2', keys: [{ keyId: 'k2', phone: 6, idNo: 4, current: true }], pending: 0 });

    const second = await reencryptAll(t.ctx);
    expect(second).toMatchObject({ values: 0, persons: 0, failed: 0 });
    expect(await stored()).toEqual(after);
    expect(await auditCount('pii.reencrypted')).toBe(1); // a run with nothing to do leaves no audit row
  });

  it('works in chunks and skips, without looping, a value that will not decrypt', async () => {
    const broken = people[1]!.id;
    await t.ctx.database.db.execute(sql`update persons set phone_enc = 'v1.k2.AAAA.BBBB.CCCC' where id = ${broken}`);
    t = await t.restart({ env: { PII_KEY_ID: 'k3' } });
    const run = await reencryptAll(t.ctx, { chunk: 2 });
    expect(run).toMatchObject({ keyId: 'k3', fromKeys: { k2: 9 }, values: 9, persons: 5, failed: 1 });
    const rows = await stored();
    expect(rows.find((r) => r.id === broken)!.phone_enc).toBe('v1.k2.AAAA.BBBB.CCCC');
    expect(values(rows).filter((v) => !v.startsWith('v1.k3.'))).toEqual(['v1.k2.AAAA.BBBB.CCCC']);
    // repaired (re-entered), it reads again
    await t.ctx.database.db.execute(sql`update persons set phone_enc = ${cipherOf(t.ctx).encrypt(people[1]!.phone)} where id = ${broken}`);
    await expectReadable();
  });

  it('runs at start-up when jobs are on, and the operator can queue a run now', { timeout: 60_000 }, async () => {
    t = await t.restart({ jobs: true, env: { PII_KEY_ID: 'k4' } });
    const end = Date.now() + 30_000;
    while (Date.now() < end && (await get('/api/platform/pii-keys', op)).json().pending > 0) await new Promise((r) => setTimeout(r, 200));
    expect((await get('/api/platform/pii-keys', op)).json()).toMatchObject({ currentKeyId: 'k4', pending: 0 });
    const res = await t.app.inject({ method: 'POST', url: '/api/platform/pii-keys/reencrypt', headers: { cookie: op } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ currentKeyId: 'k4' });
    const q: any = await t.ctx.database.db.execute(sql`select policy from pgboss.queue where name = 'pii-reencrypt'`);
    expect(q.rows[0].policy).toBe('stately'); // runs do not pile up, however many instances start
    expect(await auditCount('pii.reencrypt_requested')).toBe(1);
  });
});
