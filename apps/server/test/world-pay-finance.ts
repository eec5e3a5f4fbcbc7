import { statementImports, statementItems } from '../src/modules/payments/payments.table.ts';
import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments slice "finance" (issue 8): `create` runs once the rest of
 * the world exists; its result is `w.payments.finance`. Reconciliations are the company's (online
 * money is the merchant's), so they have no "other project" target: one open import with one extra
 * row in our company and in theirs.
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };

export async function create(t: TestApp, w: any): Promise<Record<string, unknown>> {
  const db = t.ctx.database.db;
  const mk = async (companyId: string) => {
    const [imp] = await db.insert(statementImports).values({ companyId, provider: 'sandbox', statementDate: '2026-01-15', fileName: 'matrix.csv', rowCount: 1, extra: 1 }).returning();
    const [item] = await db.insert(statementItems).values({ companyId, importId: imp!.id, kind: 'extra', providerTxnId: `MATRIX${companyId.slice(0, 8)}`, theirAmountFen: 100 }).returning();
    return { importId: imp!.id, itemId: item!.id };
  };
  return { own: await mk(w.ours.companyId), otherCompany: await mk(w.theirs.companyId) };
}

const part = (w: any, t: Target) => (t === 'otherProject' ? null : w.payments.finance[t]);
const projectOf = (w: any, t: Target) => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA);

export const fixtures: Record<string, Fixture> = {
  '/api/payments/reconciliations/:id': { id: (w, t) => part(w, t)?.importId ?? null },
  '/api/payments/reconciliations/:id/reconcile': { id: (w, t) => part(w, t)?.importId ?? null, body: () => ({ version: 1 }) },
  '/api/payments/reconciliations/items/:id/resolve': { id: (w, t) => part(w, t)?.itemId ?? null, body: () => ({ note: '矩阵处理' }) },
};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/payments/shifts': (w, t) => ({ projectId: projectOf(w, t), cashCountedFen: 0 }),
};
