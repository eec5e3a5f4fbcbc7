import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles } from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { login } from '../../../test/factories.ts';
import { createWorld, type Target } from '../../../test/world.ts';
import * as payInvoices from '../../../test/world-pay-invoices.ts';

/**
 * The permission matrix's rules (test/matrix.test.ts) over this slice's routes only, with this slice's
 * world part — so the fixtures are proven before world.ts spreads them in.
 */
let t: TestApp;
let w: any;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  const world: any = await createWorld(t);
  w = { ...world, payments: { ...world.payments, invoices: world.payments.invoices ?? await payInvoices.create(t, world) } };
  for (const r of builtinRoles) cookies[r.code] = await login(t, w.ours.users[r.code]!.phone);
}, 300_000);
afterAll(async () => t?.close());

describe('invoice routes × roles × scopes', () => {
  it('allows what the permission table allows, in scope only', { timeout: 300_000 }, async () => {
    const routes = t.app.routeTable.filter((r) => /^\/api\/(me\/)?invoices/.test(r.url));
    expect(routes.length).toBe(12);
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const hasId = /:\w+/.test(route.url);
      if (hasId && !payInvoices.fixtures[route.url]) { failures.push(`${key}: no fixture`); continue; }
      for (const role of builtinRoles) {
        const allowed = (role.permissions as readonly string[]).includes(route.access.permission!);
        for (const target of ['own', 'otherProject', 'otherCompany'] as Target[]) {
          const mutating = route.method !== 'GET';
          if (allowed && target === 'own' && mutating) continue;
          if (allowed && target === 'otherProject' && role.scope === 'company') continue;
          const id = hasId ? payInvoices.fixtures[route.url]!.id(w, target) : undefined;
          const headers: Record<string, string> = { cookie: cookies[role.code]! };
          if (!hasId && target !== 'own') headers['x-project-id'] = target === 'otherProject' ? w.ours.projectB : w.theirs.projectA;
          const res = await t.app.inject({ method: route.method as any, url: hasId ? route.url.replace(/:\w+/, id!) : route.url, headers, payload: payInvoices.bodies[key]?.(w, target) as any });
          const label = `${key} as ${role.code} on ${target} → ${res.statusCode}`;
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (!allowed) { if (res.statusCode !== 403) failures.push(`${label} (expected 403)`); }
          else if (target === 'own') { if (!ok) failures.push(`${label} (expected 2xx) ${res.body.slice(0, 200)}`); }
          else if (hasId || mutating) { if (ok) failures.push(`${label} (expected 404)`); }
          else if (ok && [w.theirs.companyId, w.ours.projectB, w.theirs.projectA].some((x: string) => res.body.includes(x))) failures.push(`${label} leaked`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
