import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';

import { startTestApp, type TestApp } from './harness.ts';
import { createUser, login } from './factories.ts';
import { createWorld, type World } from './world.ts';

/**
 * Reads /openapi.json and throws bad input at every operation as a user allowed to call it:
 * no 5xx ever, and a refused request leaves every table as it was. Grows with the routes.
 */
let t: TestApp;
let w: World;
let tables: string[];
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t);
  cookies.hq_admin = await login(t, w.ours.users.hq_admin!.phone);
  cookies.resident = await login(t, w.ours.users.resident!.phone);
  cookies.platform = await login(t, (await createUser(t, { platform: true })).phone);
  const res: any = await t.ctx.database.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`);
  // Refused logins are counted by design (back-off), and a captcha is issued by a GET.
  tables = res.rows.map((r: any) => r.tablename).filter((n: string) => !['login_throttle', 'captchas', '__drizzle_migrations'].includes(n));
});
afterAll(async () => t?.close());

async function counts(): Promise<string> {
  const parts = tables.map((n) => `(select count(*) from "${n}") as "${n}"`).join(', ');
  const res: any = await t.ctx.database.db.execute(sql.raw(`select ${parts}`));
  return JSON.stringify(res.rows[0]);
}

const huge = 'x'.repeat(100_000);
const badScalars: unknown[] = [null, true, -1, 0, 2 ** 31, 1e308, -1e308, 1.5, '', ' ', huge, '💥\u0000', [], {}, ['x'], { $ne: 1 }];
const badIds = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", 'x'.repeat(150), '%2e%2e%2fetc', '-1', '1e309'];

function bodyCases(schema: any): { payload: unknown; raw?: string; type?: string }[] {
  const cases: { payload: unknown; raw?: string; type?: string }[] = [
    { payload: undefined, raw: '{"broken": ', type: 'application/json' },
    { payload: undefined, raw: 'a=1', type: 'text/plain' },
    { payload: undefined, raw: '[' .repeat(5000) + ']'.repeat(5000), type: 'application/json' },
    { payload: [] }, { payload: 'string' }, { payload: 42 }, { payload: {} },
    { payload: { unexpectedField: 1, __proto__: { polluted: true } } },
  ];
  const props = schema?.properties ?? {};
  for (const [name] of Object.entries<any>(props)) {
    for (const v of badScalars) cases.push({ payload: { [name]: v } });
  }
  return cases;
}

function queryCases(params: any[]): string[] {
  const out: string[] = [];
  for (const p of params.filter((x) => x.in === 'query')) {
    for (const v of ['abc', '-1', '0', '1e309', '99999999999', huge.slice(0, 5000), '%00', '[]', '{"a":1}']) {
      out.push(`${p.name}=${encodeURIComponent(v)}`);
    }
  }
  return out;
}

describe('fuzzing every operation from /openapi.json', () => {
  it('never answers 5xx and writes nothing on refusal', { timeout: 600_000 }, async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const failures: string[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    for (const [path, ops] of Object.entries<any>(spec.paths)) {
      if (path === '/api/events') continue; // a stream; tested on its own
      for (const [method, op] of Object.entries<any>(ops)) {
        const route = t.app.routeTable.find((r) => r.url === path.replace(/\{(\w+)\}/g, ':$1') && r.method === method.toUpperCase());
        if (!route) continue;
        const perm = route.access.permission;
        const who = perm === 'platform.company.manage' ? 'platform' : perm === 'resident.self' ? 'resident' : 'hq_admin';
        // Self-service endpoints that end the session or the account are exercised by their own tests.
        if (['/api/auth/logout', '/api/me/deletion'].includes(path)) continue;
        const params: any[] = op.parameters ?? [];
        const hasId = path.includes('{id}');
        const urls = hasId ? badIds.map((id) => path.replace('{id}', encodeURIComponent(id))) : [path];
        const qs = queryCases(params);
        const requests: { url: string; payload?: unknown; raw?: string; type?: string }[] = [];
        for (const url of urls) requests.push({ url });
        for (const q of qs) requests.push({ url: `${urls[0]}?${q}` });
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        if (method !== 'get' && (bodySchema || method !== 'delete')) {
          const base = hasId ? path.replace('{id}', w.ours.projectA) : path;
          for (const c of bodyCases(bodySchema)) requests.push({ url: base, ...c });
        }
        for (const r of requests) {
          const before = method === 'get' ? '' : await counts();
          const res = await t.app.inject({
            method: method.toUpperCase() as any,
            url: r.url,
            headers: { cookie: cookies[who]!, ...(r.type ? { 'content-type': r.type } : {}) },
            ...(r.raw !== undefined ? { payload: r.raw } : r.payload !== undefined ? { payload: r.payload as any } : {}),
          });
          sent++; statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const label = `${method.toUpperCase()} ${r.url.slice(0, 120)} ${r.raw ? `raw:${r.raw.slice(0, 20)}` : JSON.stringify(r.payload)?.slice(0, 80) ?? ''}`;
          if (res.statusCode >= 500) failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400 && !res.json().error?.code) failures.push(`${label} → ${res.statusCode} without an error body`);
          if (method !== 'get' && res.statusCode >= 400 && (await counts()) !== before) failures.push(`${label} → ${res.statusCode} but rows changed`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    expect(statuses[401] ?? 0).toBe(0); // every call was made as a user allowed to make it
    if (process.env.FUZZ_VERBOSE) console.log(sent, statuses);
  });
});
