import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPayment, ZPaymentOrder } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import type { MyBill } from '../bills/api.ts';

export type MyPayment = z.output<typeof ZPayment>;
export type MyPaymentOrder = z.output<typeof ZPaymentOrder>;
export interface MyOrderCreate { roomId: string; billIds: string[]; prepaidFen: number; prepaidFeeItemId: string | null }

const KEY = ['my-payments'] as const;

/** the unpaid bills a household can pay here (the first 200 are plenty for a household) */
export function usePayableBills() {
  return useQuery({
    queryKey: ['my-bills', 'payable'],
    queryFn: () => api.get<Page<MyBill>>('/api/me/bills', { query: { status: 'unpaid', pageSize: 100 } }),
  });
}

/** every bill of mine, for the fee items a prepaid top-up may be earmarked for */
export function useMyFeeItems() {
  return useQuery({
    queryKey: ['my-bills', 'fee-items'],
    queryFn: () => api.get<Page<MyBill>>('/api/me/bills', { query: { status: 'all', pageSize: 100 } }),
    select: (p) => [...new Map(p.items.map((b) => [b.feeItemId, b.feeItemName])).entries()].map(([id, name]) => ({ id, name })),
  });
}

/** an online order; one Idempotency-Key per attempt, so a double tap or a retry is one order */
export function useCreateMyOrder() {
  return useMutation({
    mutationFn: ({ body, key }: { body: MyOrderCreate; key: string }) =>
      api.post<MyPaymentOrder>('/api/me/payment-orders', body, { headers: { 'idempotency-key': key } }),
  });
}

/** the order after the provider's page: asked every 2 s until it is paid or closed */
export function useMyOrder(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...KEY, 'order', id],
    queryFn: async () => {
      const o = await api.get<MyPaymentOrder>(`/api/me/payment-orders/${id}`);
      // paid: the bills, the home card and the payments list are out of date
      if (o.status === 'paid') void Promise.all([qc.invalidateQueries({ queryKey: ['my-bills'] }), qc.invalidateQueries({ queryKey: [...KEY, 'list'] })]);
      return o;
    },
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'pending' ? false : 2000),
  });
}

export function useMyPayments() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ pageParam }) => api.get<Page<MyPayment>>('/api/me/payments', { query: { page: pageParam, pageSize: 20 } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export const myReceiptUrl = (paymentId: string) => `/api/me/payments/${paymentId}/receipt.pdf`;
