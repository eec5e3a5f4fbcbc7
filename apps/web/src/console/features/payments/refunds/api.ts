import { useQuery, keepPreviousData } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBalanceRefundCreate, ZPaymentRefundCreate, ZRefund, ZRefundQuery, ZRoomPrepaidAccounts } from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';
import { PAY_KEY, type Payment } from '../shared/api.ts';

export type Refund = z.output<typeof ZRefund>;
export type RefundStatus = Refund['status'];
export type RefundQuery = Omit<z.input<typeof ZRefundQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type PaymentRefundCreate = z.input<typeof ZPaymentRefundCreate>;
export type BalanceRefundCreate = z.input<typeof ZBalanceRefundCreate>;
export type RoomAccounts = z.output<typeof ZRoomPrepaidAccounts>;

/** refunds live under the payments key: a refund changes a payment's refunded amount and the room's balances */
const KEY = [...PAY_KEY, 'refunds'] as const;
const idem = (key: string) => ({ headers: { 'idempotency-key': key } });

export function useRefunds(query: RefundQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => api.get<Page<Refund>>('/api/refunds', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** how many wait for a decision (the 待审批 tab's badge) */
export function usePendingRefundCount() {
  return useQuery({
    queryKey: [...KEY, 'pending-count'],
    queryFn: () => api.get<Page<Refund>>('/api/refunds', { query: { status: 'requested', page: 1, pageSize: 1 } }),
    select: (p) => p.total,
  });
}

export function useRequestPaymentRefund() {
  return useInvalidatingMutation(PAY_KEY, ({ paymentId, body, key }: { paymentId: string; body: PaymentRefundCreate; key: string }) =>
    api.post<Refund>(`/api/payments/${paymentId}/refunds`, body, idem(key)));
}

export function useRequestBalanceRefund() {
  return useInvalidatingMutation(PAY_KEY, ({ body, key }: { body: BalanceRefundCreate; key: string }) => api.post<Refund>('/api/refunds', body, idem(key)));
}

export function useDecideRefund() {
  return useInvalidatingMutation(PAY_KEY, ({ id, decision, version, note }: { id: string; decision: 'approve' | 'reject'; version: number; note?: string }) =>
    api.post<Refund>(`/api/refunds/${id}/${decision}`, { version, ...(note ? { note } : {}) }));
}

/** a room's prepaid balances (per earmark) and deposits (per fee item) */
export function useRoomHeld(roomId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'room-accounts', roomId],
    queryFn: () => api.get<RoomAccounts>(`/api/rooms/${roomId}/accounts`),
    enabled: !!roomId,
  });
}

/** payments found by receipt number or provider transaction id (asked only once something is typed) */
export function usePaymentSearch(q: string) {
  return useQuery({
    queryKey: [...KEY, 'payment-search', q],
    queryFn: () => api.get<Page<Payment>>('/api/payments', { query: { q, page: 1, pageSize: 10 } }),
    enabled: q.length > 0,
  });
}
