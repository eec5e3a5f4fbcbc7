import { settle, type SettleOrder } from '@wuye/shared';

/**
 * How money received is spread over a room's bills: bills in the order given (the caller sorts them
 * oldest due first), each settled by the core's `settle` in the project's order (principal or late
 * fee first), the last one possibly in part; what is left is the remainder (prepaid, or refused).
 * Pure, so the counter's preview and the posting compute exactly the same thing.
 */
export interface OwedBill {
  billId: string;
  principalOutstandingFen: number;
  /** posted late fee still owed (the posting puts today's accrual on the ledger first) */
  lateFeeOutstandingFen: number;
}
export interface AllocationPart { billId: string; principalFen: number; lateFeeFen: number }
export interface AllocationPlan { parts: AllocationPart[]; billsFen: number; remainderFen: number }

export function allocate(amountFen: number, bills: readonly OwedBill[], order: SettleOrder): AllocationPlan {
  let left = amountFen;
  const parts: AllocationPart[] = [];
  for (const b of bills) {
    if (left <= 0) break;
    const principalOutstanding = Math.max(0, b.principalOutstandingFen);
    const lateFeeOutstanding = Math.max(0, b.lateFeeOutstandingFen);
    if (principalOutstanding + lateFeeOutstanding === 0) continue;
    const s = settle(left, { principalOutstanding, lateFeeOutstanding }, order);
    const paid = s.principalFen + s.lateFeeFen;
    if (paid === 0) continue;
    parts.push({ billId: b.billId, principalFen: s.principalFen, lateFeeFen: s.lateFeeFen });
    left -= paid;
  }
  return { parts, billsFen: amountFen - left, remainderFen: left };
}
