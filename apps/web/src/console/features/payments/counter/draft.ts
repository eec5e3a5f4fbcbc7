import { fenOf } from '../../../../shared/money.ts';
import type { CounterRoom, PaymentCreate } from '../shared/api.ts';

export type CounterChannel = 'cash' | 'transfer' | 'pos' | 'qr';
export type CounterMode = 'bills' | 'amount';

export interface CounterDraft {
  mode: CounterMode;
  selected: string[];
  channel: CounterChannel;
  amountText: string;
  tenderedText: string;
  prepay: boolean;
  reference: string;
  payerName: string;
  note: string;
}

export type DraftProblem = 'amount_invalid' | 'nothing_selected' | 'over_due' | 'tender_short' | 'tender_invalid' | 'qr_partial';

export interface DraftResult {
  amountFen: number | null;
  /** what the chosen bills cost today */
  billsDueFen: number;
  /** money beyond the bills (goes to prepaid when the switch is on) */
  remainderFen: number;
  tenderedFen: number | null;
  /** computed here, exactly, for the cashier; the preview says the same */
  changeFen: number | null;
  problem: DraftProblem | null;
  /** the counter POST's body, when the draft is complete */
  body: PaymentCreate | null;
  /** the counter QR order's body (whole bills + a prepaid top-up) */
  orderBody: { roomId: string; billIds: string[]; prepaidFen: number; prepaidFeeItemId: null } | null;
}

const trimmed = (s: string) => (s.trim() ? s.trim() : undefined);

/** From what the cashier has entered to the exact amounts (integer 分) and the request bodies. */
export function evaluateDraft(room: CounterRoom, d: CounterDraft): DraftResult {
  const chosen = d.mode === 'bills' ? room.bills.filter((b) => d.selected.includes(b.billId)) : room.bills;
  const billsDueFen = chosen.reduce((s, b) => s + b.totalDueFen, 0);
  const amountFen = fenOf(d.amountText);
  const cash = d.channel === 'cash';
  const tenderedFen = cash && d.tenderedText.trim() ? fenOf(d.tenderedText) : null;
  const remainderFen = amountFen === null ? 0 : Math.max(0, amountFen - billsDueFen);
  let problem: DraftProblem | null = null;
  if (amountFen === null || amountFen <= 0) problem = 'amount_invalid';
  // billIds omitted would mean every bill: a bills-mode payment names at least one (a room with none is prepaid only)
  else if (d.mode === 'bills' && chosen.length === 0 && room.bills.length > 0) problem = 'nothing_selected';
  else if (remainderFen > 0 && !d.prepay) problem = 'over_due';
  else if (cash && d.tenderedText.trim() && tenderedFen === null) problem = 'tender_invalid';
  else if (tenderedFen !== null && tenderedFen < amountFen) problem = 'tender_short';
  else if (d.channel === 'qr' && amountFen < billsDueFen) problem = 'qr_partial';
  const changeFen = tenderedFen !== null && amountFen !== null && tenderedFen >= amountFen ? tenderedFen - amountFen : null;
  if (problem || amountFen === null) return { amountFen, billsDueFen, remainderFen, tenderedFen, changeFen, problem, body: null, orderBody: null };

  const billIds = d.mode === 'bills' && chosen.length > 0 ? chosen.map((b) => b.billId) : undefined;
  const orderBody = { roomId: room.roomId, billIds: chosen.map((b) => b.billId), prepaidFen: remainderFen, prepaidFeeItemId: null };
  if (d.channel === 'qr') return { amountFen, billsDueFen, remainderFen, tenderedFen: null, changeFen: null, problem, body: null, orderBody };
  const body: PaymentCreate = {
    roomId: room.roomId, channel: d.channel, amountFen,
    ...(billIds ? { billIds } : {}),
    prepayRemainder: d.prepay,
    ...(tenderedFen !== null ? { tenderedFen } : {}),
    ...(d.channel !== 'cash' && trimmed(d.reference) ? { reference: trimmed(d.reference) } : {}),
    ...(trimmed(d.payerName) ? { payerName: trimmed(d.payerName) } : {}),
    ...(trimmed(d.note) ? { note: trimmed(d.note) } : {}),
  };
  return { amountFen, billsDueFen, remainderFen, tenderedFen, changeFen, problem, body, orderBody };
}
