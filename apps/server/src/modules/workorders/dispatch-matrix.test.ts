import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles } from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { login } from '../../../test/factories.ts';
import { createWorld, type Target, type World } from '../../../test/world.ts';
import { createWoDispatchWorld, fixtures } from '../../../test/world-wo-dispatch.ts';

/**
 * The permission matrix's rule for DELETE /api/work-orders/shifts/:id on real shift rows of each
 * target (until world.ts keeps `woDispatch`, the shared matrix has no rows for it and skips it).
 */
let t: TestApp;
let w: World & { woDispatch: Awaited<ReturnType<typeof createWoDispatchWorld>> };
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  const world = await createWorld(t);
  w = { ...world, woDispatch: await createWoDispatchWorld(t.ctx.database.db, world.ours, world.theirs) };
  for (const r of builtinRoles) cookies[r.code] = await login(t, w.ours.users[r.code]!.phone);
}, 120_000);
afterAll(async () => t?.close());

describe('shift deletion by role and target', () => {
  it('403 without workorder.settings.manage, 404 outside the scope, 200 inside', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const role of builtinRoles) {
      const allowed = role.permissions.includes('workorder.settings.manage');
      for (const target of ['otherCompany', 'otherProject', 'own'] as Target[]) {
        if (allowed && target === 'otherProject' && role.scope === 'company') continue; // HQ sees every project
        const id = fixtures['/api/work-orders/shifts/:id']!.id(w, target)!;
        const res = await t.app.inject({ method: 'DELETE', url: `/api/work-orders/shifts/${id}`, headers: { cookie: cookies[role.code]! } });
        const want = !allowed ? 403 : target === 'own' ? 200 : 404;
        if (res.statusCode !== want) failures.push(`${role.code} on ${target} → ${res.statusCode} (expected ${want})`);
        if (res.statusCode === 200) w.woDispatch = await createWoDispatchWorld(t.ctx.database.db, w.ours, w.theirs);
      }
    }
    expect(failures).toEqual([]);
  });
});
