import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments slice "sandbox" (issue 8): `create` runs once the rest of
 * the world exists (it may post payments, refunds … per target through services or direct inserts);
 * its result is `w.payments.sandbox`. Fixtures and bodies are spread into world.ts.
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };

export async function create(_t: TestApp, _w: any): Promise<Record<string, unknown>> {
  return {};
}

export const fixtures: Record<string, Fixture> = {};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {};
