import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZInvoice, ZInvoiceablePayment, ZInvoiceCreate, ZInvoiceDetail, ZInvoiceQuery } from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';
import { PAY_KEY } from '../shared/api.ts';

export type Invoice = z.output<typeof ZInvoice>;
export type InvoiceDetail = z.output<typeof ZInvoiceDetail>;
export type InvoiceStatus = Invoice['status'];
export type InvoiceCreate = z.input<typeof ZInvoiceCreate>;
export type InvoiceablePayment = z.output<typeof ZInvoiceablePayment>;
export type InvoiceQuery = Omit<z.input<typeof ZInvoiceQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** invoices live under the payments key: an invoice changes which payments are invoiceable */
const KEY = [...PAY_KEY, 'invoices'] as const;
const idem = (key: string) => ({ headers: { 'idempotency-key': key } });

export function useInvoices(query: InvoiceQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => api.get<Page<Invoice>>('/api/invoices', { query: { ...query } }),
    placeholderData: keepPreviousData,
    // requested / issuing ones settle in the background: look again while any is on screen
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'requested' || i.status === 'issuing') ? 3000 : false),
  });
}

export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => api.get<InvoiceDetail>(`/api/invoices/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'requested' || q.state.data.status === 'issuing') ? 2000 : false),
  });
}

/** a room's payments that can still be invoiced (posted, on no live invoice, something paid on bills) */
export function useInvoiceable(roomId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'invoiceable', roomId],
    queryFn: () => api.get<Page<InvoiceablePayment>>('/api/invoices/invoiceable', { query: { roomId, pageSize: 200 } }),
    enabled: !!roomId,
  });
}

export function useRequestInvoice() {
  return useInvalidatingMutation(PAY_KEY, ({ body, key }: { body: InvoiceCreate; key: string }) => api.post<InvoiceDetail>('/api/invoices', body, idem(key)));
}

export function useRedInvoice() {
  return useInvalidatingMutation(PAY_KEY, ({ id, reason, key }: { id: string; reason: string; key: string }) =>
    api.post<InvoiceDetail>(`/api/invoices/${id}/red`, { reason }, idem(key)));
}

export function useRetryInvoice() {
  return useInvalidatingMutation(PAY_KEY, ({ id }: { id: string }) => api.post<InvoiceDetail>(`/api/invoices/${id}/retry`));
}
