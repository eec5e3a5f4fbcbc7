import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCounterRoom, ZCounterRoomHit, ZCounterRoomHits, ZPayment, ZPaymentCreate, ZPaymentDetail, ZPaymentOrder, ZPaymentPreview, ZPaymentQuery, ZPaymentVoid,
} from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';

export type CounterRoomHit = z.output<typeof ZCounterRoomHit>;
export type CounterRoom = z.output<typeof ZCounterRoom>;
export type CounterBill = CounterRoom['bills'][number];
export type PaymentCreate = z.input<typeof ZPaymentCreate>;
export type PaymentPreview = z.output<typeof ZPaymentPreview>;
export type Payment = z.output<typeof ZPayment>;
export type PaymentDetail = z.output<typeof ZPaymentDetail>;
export type PaymentOrder = z.output<typeof ZPaymentOrder>;
export type PaymentQuery = Omit<z.input<typeof ZPaymentQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type PaymentVoid = z.input<typeof ZPaymentVoid>;
export type PaymentChannel = Payment['channel'];

/** everything the counter and the payments list read; a payment refetches all of it (and the bills) */
export const PAY_KEY = ['payments'] as const;

const idem = (key: string) => ({ headers: { 'idempotency-key': key } });

/** 收银台 room search: room code, owner name or phone; asked only once something is typed */
export function useCounterRooms(q: string) {
  return useQuery({
    queryKey: [...PAY_KEY, 'counter-rooms', q],
    queryFn: () => api.get<z.output<typeof ZCounterRoomHits>>('/api/payments/counter/rooms', { query: { q } }),
    enabled: q.length > 0,
  });
}

export function useCounterRoom(id: string | null) {
  return useQuery({
    queryKey: [...PAY_KEY, 'counter-room', id],
    queryFn: () => api.get<CounterRoom>(`/api/payments/counter/rooms/${id}`),
    enabled: !!id,
  });
}

/** what the payment would do, computed by the server exactly as the POST does it */
export function useCounterPreview(body: PaymentCreate | null) {
  return useQuery({
    queryKey: [...PAY_KEY, 'preview', body],
    queryFn: ({ signal }) => api.post<PaymentPreview>('/api/payments/counter/preview', body, { signal }),
    enabled: !!body,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
}

/**
 * 收款; afterwards everything under PAY_KEY is refetched except the preview, which would ask about
 * bills that are paid now (a 409), and the bills' own queries are stale.
 */
export function useCollect() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: PaymentCreate; key: string }) => api.post<PaymentDetail>('/api/payments', body, idem(key)),
    onSuccess: () => Promise.all([
      qc.invalidateQueries({ queryKey: PAY_KEY, predicate: (q) => q.queryKey[1] !== 'preview' }),
      qc.invalidateQueries({ queryKey: ['billing'], refetchType: 'none' }),
    ]),
  });
}

/** 扫码支付 at the counter: an online order the payer scans */
export function useCreateCounterOrder() {
  return useMutation({
    mutationFn: ({ body, key }: { body: { roomId: string; billIds: string[]; prepaidFen: number; prepaidFeeItemId: string | null }; key: string }) =>
      api.post<PaymentOrder>('/api/payments/orders', body, idem(key)),
  });
}

/** the order the payer is scanning, every 2 s until it is paid or closed */
export function useCounterOrder(id: string | null) {
  return useQuery({
    queryKey: [...PAY_KEY, 'order', id],
    queryFn: () => api.get<PaymentOrder>(`/api/payments/orders/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'pending' ? false : 2000),
  });
}

export function usePayments(query: PaymentQuery) {
  return useQuery({
    queryKey: [...PAY_KEY, 'list', query],
    queryFn: () => api.get<Page<Payment>>('/api/payments', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string | null) {
  return useQuery({
    queryKey: [...PAY_KEY, 'detail', id],
    queryFn: () => api.get<PaymentDetail>(`/api/payments/${id}`),
    enabled: !!id,
  });
}

export function useVoidPayment() {
  return useInvalidatingMutation(PAY_KEY, ({ id, body }: { id: string; body: PaymentVoid }) => api.post<PaymentDetail>(`/api/payments/${id}/void`, body));
}

/** the receipt PDF (a reprint is marked 副本 by the server) */
export const receiptUrl = (paymentId: string) => `/api/payments/${paymentId}/receipt.pdf`;
