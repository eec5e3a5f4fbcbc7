import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { accountBalances } from './balances.table.ts';
import { feeItems } from './billing.table.ts';
import { getFeeItem } from './fee-items.service.ts';
import { creditHeld, debitHeld, guardMoney, type HeldTarget } from './held-balances.ts';
import { ledgerEntries } from './ledger.table.ts';

/**
 * 预存: a room's prepaid money, general or earmarked for one fee item (专款). Every function takes
 * the caller's transaction, so the payments module can receive money and credit prepaid (a
 * surplus, a counter deposit with its receipt) in one commit. Amounts are integer 分 > 0 (the
 * contracts refuse anything else; these functions assume it). The room must be in the actor's
 * scope (404 otherwise); a balance that would go below zero is 409 余额不足 with nothing written.
 */
export interface PrepaidMovement {
  roomId: string;
  amountFen: number;
  /** the earmark; null / undefined = the general balance */
  feeItemId?: string | null;
  note: string | null;
  /** business date of the entry (default today, Asia/Shanghai); a closed month is 409 */
  entryDate?: string;
}

export const today = () => businessNow().format('YYYY-MM-DD');
const MOVEMENTS_SHOWN = 50;

/** The room (in scope) as the target of a held-money movement. */
export async function heldTarget(db: Executor, actor: Actor, roomId: string): Promise<HeldTarget> {
  const room = await getRoom(db, actor, roomId);
  return { companyId: room.companyId, projectId: room.projectId, roomId: room.id };
}

/** (also the payments module's remainder earmark) An earmark must be a fee item of the actor's company that bills (a deposit item holds 押金, not 预存). */
export async function earmarkOf(db: Executor, companyId: string, feeItemId: string | null | undefined, forNewMoney: boolean) {
  if (!feeItemId) return null;
  const item = await getFeeItem(db, companyId, feeItemId, 'body.feeItemId');
  if (item.category === 'deposit') throw badRequest('押金类收费项目不能作为预存专款', [{ path: 'body.feeItemId', message: 'deposit_item' }]);
  if (forNewMoney && item.status !== 'active') throw conflict('收费项目已停用', [{ path: 'body.feeItemId', message: 'archived' }]);
  return item.id;
}

async function post(tx: Tx, actor: Actor, t: HeldTarget, e: { kind: 'prepay_deposit' | 'refund' | 'payment'; account: 'prepaid' | 'deposit'; feeItemId: string | null; amountFen: number; entryDate: string; note: string | null }) {
  const [entry] = await tx.insert(ledgerEntries).values({
    companyId: t.companyId, projectId: t.projectId, roomId: t.roomId, feeItemId: e.feeItemId, kind: e.kind, account: e.account,
    amountFen: e.amountFen, component: 'principal', entryDate: e.entryDate, note: e.note, createdBy: actor.userId,
  }).returning();
  return entry!;
}

/** `prepay_deposit` on prepaid (+) and the balance of its earmark, audited as billing.prepaid_deposited. */
export async function depositPrepaid(tx: Tx, actor: Actor, input: PrepaidMovement) {
  const t = await heldTarget(tx, actor, input.roomId);
  const earmark = await earmarkOf(tx, t.companyId, input.feeItemId, true);
  return guardMoney('prepaid', async () => {
    const entry = await post(tx, actor, t, { kind: 'prepay_deposit', account: 'prepaid', feeItemId: earmark, amountFen: input.amountFen, entryDate: input.entryDate ?? today(), note: input.note });
    const balanceFen = await creditHeld(tx, t, 'prepaid', earmark, input.amountFen);
    await record(tx, actor, 'billing.prepaid_deposited', { type: 'room', id: t.roomId, projectId: t.projectId }, null,
      { entryId: entry.id, feeItemId: earmark, amountFen: input.amountFen, balanceFen, note: input.note });
    return { entryId: entry.id, balanceFen };
  });
}

/** `refund` on prepaid (−) from the named earmark (null = general); more than it holds is 409. */
export async function refundPrepaid(tx: Tx, actor: Actor, input: PrepaidMovement) {
  const t = await heldTarget(tx, actor, input.roomId);
  const earmark = await earmarkOf(tx, t.companyId, input.feeItemId, false);
  return guardMoney('prepaid', async () => {
    const balanceFen = await debitHeld(tx, t, 'prepaid', earmark, input.amountFen);
    const entry = await post(tx, actor, t, { kind: 'refund', account: 'prepaid', feeItemId: earmark, amountFen: -input.amountFen, entryDate: input.entryDate ?? today(), note: input.note });
    await record(tx, actor, 'billing.prepaid_refunded', { type: 'room', id: t.roomId, projectId: t.projectId },
      { feeItemId: earmark, balanceFen: balanceFen + input.amountFen }, { entryId: entry.id, feeItemId: earmark, amountFen: -input.amountFen, balanceFen, note: input.note });
    return { entryId: entry.id, balanceFen };
  });
}

/** The room's prepaid balances per earmark, deposits per fee item, and the latest movements of both. */
export async function roomAccounts(db: Executor, actor: Actor, roomId: string) {
  const companyId = requireCompany(actor);
  const t = await heldTarget(db, actor, roomId);
  const rows = await db.select({ account: accountBalances.account, feeItemId: accountBalances.feeItemId, balanceFen: accountBalances.balanceFen, feeItemName: feeItems.name })
    .from(accountBalances).leftJoin(feeItems, eq(feeItems.id, accountBalances.feeItemId))
    .where(and(eq(accountBalances.companyId, companyId), eq(accountBalances.roomId, roomId)))
    .orderBy(asc(accountBalances.account), asc(feeItems.name), asc(accountBalances.id));
  const moves = await db.select({ e: ledgerEntries, feeItemName: feeItems.name }).from(ledgerEntries).leftJoin(feeItems, eq(feeItems.id, ledgerEntries.feeItemId))
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.roomId, roomId), inArray(ledgerEntries.account, ['prepaid', 'deposit'])))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id)).limit(MOVEMENTS_SHOWN);
  const group = (account: 'prepaid' | 'deposit') => {
    // the general balance first, then earmarks by name
    const balances = rows.filter((r) => r.account === account)
      .sort((a, b) => Number(a.feeItemId !== null) - Number(b.feeItemId !== null))
      .map((r) => ({ feeItemId: r.feeItemId, feeItemName: r.feeItemName, balanceFen: r.balanceFen }));
    return { totalFen: balances.reduce((s, b) => s + b.balanceFen, 0), balances };
  };
  return {
    roomId: t.roomId, projectId: t.projectId, prepaid: group('prepaid'), deposits: group('deposit'),
    movements: moves.map(({ e, feeItemName }) => ({
      id: e.id, kind: e.kind, account: e.account as 'prepaid' | 'deposit', amountFen: e.amountFen, feeItemId: e.feeItemId, feeItemName,
      entryDate: e.entryDate, note: e.note, createdAt: e.createdAt.toISOString(),
    })),
  };
}

export { post as postHeldEntry };
