import { and, eq, isNull, sql } from 'drizzle-orm';
import { fenToYuanDecimal } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { AppError, conflict } from '../../lib/errors.ts';
import { accountBalances } from './balances.table.ts';

/**
 * The `account_balances` row of a room's prepaid or deposit money, moved only together with the
 * ledger entry that moves it (the caller's transaction). Credits upsert; debits are a guarded
 * UPDATE, because PostgreSQL checks the CHECK on the proposed INSERT row of an
 * `INSERT … ON CONFLICT DO UPDATE` before it looks for the conflict — a negative upsert fails even
 * when the existing balance covers it. The guard (`balance_fen >= amount`) is re-evaluated on the
 * latest row version after a concurrent writer commits, so two debits can never overdraw; the
 * CHECK stays as the database's last word.
 */
export interface HeldTarget { companyId: string; projectId: string; roomId: string }
export type HeldAccount = 'prepaid' | 'deposit';

const sameEarmark = (feeItemId: string | null) =>
  feeItemId === null ? isNull(accountBalances.feeItemId) : eq(accountBalances.feeItemId, feeItemId);

export async function creditHeld(tx: Executor, t: HeldTarget, account: HeldAccount, feeItemId: string | null, amountFen: number): Promise<number> {
  const [row] = await tx.insert(accountBalances)
    .values({ companyId: t.companyId, projectId: t.projectId, roomId: t.roomId, parkingSpaceId: null, account, feeItemId, balanceFen: amountFen })
    .onConflictDoUpdate({
      target: [accountBalances.companyId, accountBalances.roomId, accountBalances.parkingSpaceId, accountBalances.account, accountBalances.feeItemId],
      set: { balanceFen: sql`${accountBalances.balanceFen} + excluded.balance_fen`, updatedAt: sql`now()` },
    })
    .returning({ balanceFen: accountBalances.balanceFen });
  return row!.balanceFen;
}

/** Takes `amountFen` off the balance, or refuses with 409 余额不足 naming what is there (nothing written). */
export async function debitHeld(
  tx: Executor, t: HeldTarget, account: HeldAccount, feeItemId: string | null, amountFen: number, path = 'body.amountFen',
): Promise<number> {
  const where = and(eq(accountBalances.companyId, t.companyId), eq(accountBalances.roomId, t.roomId), isNull(accountBalances.parkingSpaceId),
    eq(accountBalances.account, account), sameEarmark(feeItemId));
  const [row] = await tx.update(accountBalances)
    .set({ balanceFen: sql`${accountBalances.balanceFen} - ${amountFen}`, updatedAt: sql`now()` })
    .where(and(where, sql`${accountBalances.balanceFen} >= ${amountFen}`))
    .returning({ balanceFen: accountBalances.balanceFen });
  if (row) return row.balanceFen;
  const [held] = await tx.select({ balanceFen: accountBalances.balanceFen }).from(accountBalances).where(where);
  throw insufficient(account, held?.balanceFen ?? 0, path);
}

export function insufficient(account: HeldAccount, availableFen: number, path = 'body.amountFen') {
  const what = account === 'prepaid' ? '预存' : '押金';
  return conflict(`${what}余额不足：可用 ${fenToYuanDecimal(availableFen)} 元`, [{ path, message: 'insufficient_balance', availableFen }]);
}

/**
 * The database's refusals a money movement can meet, as the 409 they are: a balance below zero
 * (only reachable if a caller bypasses debitHeld) and a ledger entry dated in a closed month.
 */
export function moneyError(e: unknown, account: HeldAccount = 'prepaid'): unknown {
  if (e instanceof AppError) return e;
  for (let c: any = e, i = 0; c && i < 4; c = c.cause, i++) {
    if (c.code !== '23514') continue;
    const constraint = String(c.constraint ?? c.message ?? '');
    if (constraint.includes('account_balances_non_negative')) return insufficient(account, 0);
    if (constraint.includes('ledger_entries_period_closed')) {
      return conflict('该日期所在账期已关账，不能再记账', [{ path: 'body', message: 'period_closed' }]);
    }
  }
  return e;
}

/** Runs a money movement and turns the database's refusals into 409s (the caller's transaction rolls back). */
export async function guardMoney<T>(account: HeldAccount, fn: () => Promise<T>): Promise<T> {
  try { return await fn(); } catch (e) { throw moneyError(e, account); }
}
