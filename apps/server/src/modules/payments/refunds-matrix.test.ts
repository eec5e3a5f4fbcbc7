import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles } from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { login } from '../../../test/factories.ts';
import { bodies, createWorld, fixtures, type Target, type World } from '../../../test/world.ts';

/**
 * The permission matrix (test/matrix.test.ts) over the refund routes only, with the same rules: a
 * quick check of this slice's fixtures in test/world-pay-refunds.ts without running every route.
 */
let t: TestApp;
let w: World;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t);
  for (const r of builtinRoles) cookies[r.code] = await login(t, w.ours.users[r.code]!.phone);
});
afterAll(async () => t?.close());

describe('refund routes × roles × scopes', () => {
  it('refuses what the permission table does not allow and keeps other projects and companies out', async () => {
    const routes = t.app.routeTable.filter((r) => /^\/api\/(refunds|payments\/:id\/refunds)/.test(r.url));
    expect(routes.length).toBe(6);
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const hasId = /:\w+/.test(route.url);
      for (const r of builtinRoles) {
        const allowed = (r.permissions as readonly string[]).includes(route.access.permission!);
        for (const target of ['own', 'otherProject', 'otherCompany'] as Target[]) {
          const mutating = route.method !== 'GET';
          if (allowed && target === 'own' && mutating) continue;
          if (allowed && target === 'otherProject' && r.scope === 'company') continue;
          const headers: Record<string, string> = { cookie: cookies[r.code]! };
          if (!hasId && target !== 'own') headers['x-project-id'] = target === 'otherProject' ? w.ours.projectB : w.theirs.projectA;
          const url = hasId ? route.url.replace(/:\w+/, fixtures[route.url]!.id(w, target)!) : route.url;
          const body = (fixtures[route.url]?.body ?? bodies[key])?.(w, target);
          const res = await t.app.inject({ method: route.method as any, url, headers, payload: body as any });
          const label = `${key} as ${r.code} on ${target} → ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 120) : ''}`;
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (!allowed) { if (res.statusCode !== 403) failures.push(`${label} (expected 403)`); } else if (target === 'own') { if (!ok) failures.push(`${label} (expected 2xx)`); } else if (hasId || mutating) { if (ok) failures.push(`${label} (expected 404)`); } else if (ok && res.body.includes(target === 'otherCompany' ? w.theirs.projectA : w.ours.projectB)) failures.push(`${label} leaked`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
