import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZInvoice, ZInvoiceablePayment, ZInvoiceDetail, ZMyInvoiceCreate } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';

export type MyInvoice = z.output<typeof ZInvoice>;
export type MyInvoiceDetail = z.output<typeof ZInvoiceDetail>;
export type MyInvoiceCreate = z.input<typeof ZMyInvoiceCreate>;
export type MyInvoiceable = z.output<typeof ZInvoiceablePayment>;

const KEY = ['my-invoices'] as const;
const PAGE = 20;

/** GET /api/me/invoices, a page at a time (newest first); looks again while one is being issued */
export function useMyInvoices() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ pageParam }) => api.get<Page<MyInvoice>>('/api/me/invoices', { query: { page: pageParam, pageSize: PAGE } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => i.status === 'requested' || i.status === 'issuing')) ? 3000 : false),
  });
}

/** my payments that can still be invoiced (not invoiced, something paid on bills) */
export function useMyInvoiceable(roomId?: string) {
  return useQuery({
    queryKey: [...KEY, 'invoiceable', roomId],
    queryFn: () => api.get<Page<MyInvoiceable>>('/api/me/invoices/invoiceable', { query: { roomId, pageSize: 200 } }),
  });
}

export function useRequestMyInvoice(idempotencyKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MyInvoiceCreate) => api.post<MyInvoiceDetail>('/api/me/invoices', body, { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const myInvoicePdfUrl = (id: string) => `/api/me/invoices/${id}/pdf`;
