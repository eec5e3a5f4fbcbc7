import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { getFeeItem } from './fee-items.service.ts';
import { creditHeld, debitHeld, guardMoney } from './held-balances.ts';
import { heldTarget, postHeldEntry, today } from './prepaid.service.ts';

/**
 * 押金: money a room leaves with the property (装修押金…) under a fee item of category `deposit`,
 * held on the `deposit` account per fee item until refunded. Like prepaid, these take the caller's
 * transaction (the payments module will receive a deposit and print its receipt in one commit) and
 * amounts are integer 分 > 0. A refund is never more than what is held (409).
 */
export interface DepositMovement {
  roomId: string;
  /** a fee item of the actor's company with category 'deposit' (400 otherwise) */
  feeItemId: string;
  amountFen: number;
  note: string | null;
  entryDate?: string;
}

async function depositItem(tx: Tx, companyId: string, feeItemId: string, forNewMoney: boolean) {
  const item = await getFeeItem(tx, companyId, feeItemId, 'body.feeItemId');
  if (item.category !== 'deposit') throw badRequest(`「${item.name}」不是押金类收费项目`, [{ path: 'body.feeItemId', message: 'not_deposit_item' }]);
  if (forNewMoney && item.status !== 'active') throw conflict('收费项目已停用', [{ path: 'body.feeItemId', message: 'archived' }]);
  return item;
}

/** `payment` on the deposit account (+) and the fee item's deposit balance, audited as billing.deposit_held. */
export async function holdDeposit(tx: Tx, actor: Actor, input: DepositMovement) {
  const t = await heldTarget(tx, actor, input.roomId);
  const item = await depositItem(tx, t.companyId, input.feeItemId, true);
  return guardMoney('deposit', async () => {
    const entry = await postHeldEntry(tx, actor, t, { kind: 'payment', account: 'deposit', feeItemId: item.id, amountFen: input.amountFen, entryDate: input.entryDate ?? today(), note: input.note });
    const balanceFen = await creditHeld(tx, t, 'deposit', item.id, input.amountFen);
    await record(tx, actor, 'billing.deposit_held', { type: 'room', id: t.roomId, projectId: t.projectId }, null,
      { entryId: entry.id, feeItemId: item.id, amountFen: input.amountFen, balanceFen, note: input.note });
    return { entryId: entry.id, balanceFen };
  });
}

/** `refund` on the deposit account (−); more than the fee item's deposit balance is 409 余额不足. */
export async function refundDeposit(tx: Tx, actor: Actor, input: DepositMovement) {
  const t = await heldTarget(tx, actor, input.roomId);
  const item = await depositItem(tx, t.companyId, input.feeItemId, false);
  return guardMoney('deposit', async () => {
    const balanceFen = await debitHeld(tx, t, 'deposit', item.id, input.amountFen);
    const entry = await postHeldEntry(tx, actor, t, { kind: 'refund', account: 'deposit', feeItemId: item.id, amountFen: -input.amountFen, entryDate: input.entryDate ?? today(), note: input.note });
    await record(tx, actor, 'billing.deposit_refunded', { type: 'room', id: t.roomId, projectId: t.projectId },
      { feeItemId: item.id, balanceFen: balanceFen + input.amountFen }, { entryId: entry.id, feeItemId: item.id, amountFen: -input.amountFen, balanceFen, note: input.note });
    return { entryId: entry.id, balanceFen };
  });
}
