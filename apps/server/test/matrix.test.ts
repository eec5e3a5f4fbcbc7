import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles } from '@wuye/shared';
import { startTestApp, type TestApp } from './harness.ts';
import { createUser, login } from './factories.ts';
import { bodies, createWorld, fixtures, type Target, type World } from './world.ts';

/**
 * Every registered route × every built-in role × {own scope, another project, another company}.
 * Fails on any 2xx the permission table does not allow, and on any response that carries an id
 * from outside the actor's scope. New routes are picked up from the app's route table.
 */
let t: TestApp;
let w: World;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t);
  for (const r of builtinRoles) cookies[r.code] = await login(t, w.ours.users[r.code]!.phone);
  const op = await createUser(t, { platform: true });
  cookies.platform = await login(t, op.phone);
});
afterAll(async () => t?.close());

const fill = (url: string, id: string) => url.replace(/:\w+/, id);

function outsideIds(target: Target): string[] {
  if (target === 'otherCompany') {
    return [w.theirs.companyId, w.theirs.projectA, w.theirs.projectB, w.theirs.staffB.membershipId!, w.apiKey.theirs,
      ...Object.values(w.theirs.roleIds), ...Object.values(w.theirs.users).map((u) => u.membershipId!)];
  }
  return [w.ours.projectB, w.ours.staffB.membershipId!];
}

describe('permission matrix', () => {
  it('covers every route and refuses what the permission table does not allow', { timeout: 600_000 }, async () => {
    const routes = t.app.routeTable.filter((r) => r.access.public === undefined && r.url !== '/api/events');
    expect(routes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    let requests = 0;

    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const hasId = /:\w+/.test(route.url);
      if (hasId && !fixtures[route.url]) { failures.push(`${key}: no fixture in test/world.ts`); continue; }

      // anonymous → 401, whatever the route
      const anon = await t.app.inject({ method: route.method as any, url: hasId ? fill(route.url, w.ours.projectA) : route.url, payload: bodies[key]?.(w, 'own') as any });
      requests++;
      if (anon.statusCode !== 401) failures.push(`${key} anonymous → ${anon.statusCode}`);
      if (route.access.permission === 'authenticated') continue;

      const actors = [...builtinRoles.map((r) => ({ code: r.code, scope: r.scope, perms: new Set<string>(r.permissions) })),
        { code: 'platform', scope: 'company' as const, perms: new Set<string>(['platform.company.manage']) }];
      for (const actor of actors) {
        const allowed = actor.perms.has(route.access.permission!);
        for (const target of ['own', 'otherProject', 'otherCompany'] as Target[]) {
          const id = hasId ? fixtures[route.url]!.id(w, target) : undefined;
          if (hasId && id === null) continue;
          if (target !== 'own' && route.access.scope === 'platform') continue;
          const mutating = route.method !== 'GET';
          if (allowed && target === 'own' && mutating) continue; // writes in scope are tested per module
          if (allowed && target === 'otherProject' && actor.scope === 'company') continue; // HQ sees every project
          const headers: Record<string, string> = { cookie: cookies[actor.code]! };
          if (!hasId && target !== 'own') headers['x-project-id'] = target === 'otherProject' ? w.ours.projectB : w.theirs.projectA;
          const body = (fixtures[route.url]?.body ?? bodies[key])?.(w, target);
          if (body === null) continue;
          const res = await t.app.inject({ method: route.method as any, url: hasId ? fill(route.url, id!) : route.url, headers, payload: body as any });
          requests++;
          const label = `${key} as ${actor.code} on ${target} → ${res.statusCode}`;
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (!allowed) {
            if (res.statusCode !== 403) failures.push(`${label} (expected 403)`);
          } else if (target === 'own') {
            if (!ok) failures.push(`${label} (expected 2xx)`);
          } else if (hasId || mutating) {
            if (ok) failures.push(`${label} (expected 404)`);
          } else if (ok) {
            const leaked = outsideIds(target).filter((x) => res.body.includes(x));
            if (leaked.length) failures.push(`${label} leaked ${leaked.join(',')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  });

  it('accepts API keys only on routes that declare it, and keeps a key inside its company', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.access.public === undefined && r.url !== '/api/events')) {
      const hasId = /:\w+/.test(route.url);
      const url = hasId ? fill(route.url, fixtures[route.url]?.id(w, 'own') ?? w.ours.projectA) : route.url;
      const res = await t.app.inject({ method: route.method as any, url, headers: { 'x-api-key': w.apiKey.oursSecret } });
      if (!route.apiKey && res.statusCode !== 401) failures.push(`${route.method} ${route.url} accepted an API key → ${res.statusCode}`);
      if (route.apiKey && route.method === 'GET' && res.statusCode !== 200) failures.push(`${route.method} ${route.url} refused its key → ${res.statusCode}`);
    }
    const foreign = await t.app.inject({ method: 'GET', url: `/api/projects/${w.theirs.projectA}`, headers: { 'x-api-key': w.apiKey.oursSecret } });
    expect(foreign.statusCode).toBe(404);
    expect(failures).toEqual([]);
  });
});
