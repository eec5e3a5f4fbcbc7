import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBillRow, ZMyBillDetail, ZRoomStatement } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';

export type MyBill = z.output<typeof ZBillRow>;
export type MyBillDetail = z.output<typeof ZMyBillDetail>;
export type Statement = z.output<typeof ZRoomStatement>;
export type MyBillStatus = 'unpaid' | 'paid' | 'all';

const KEY = ['my-bills'] as const;
const PAGE = 20;

/** GET /api/me/bills, a page at a time (待缴 first on the server). */
export function useMyBills(status: MyBillStatus, roomId?: string) {
  return useInfiniteQuery({
    queryKey: [...KEY, status, roomId],
    queryFn: ({ pageParam }) => api.get<Page<MyBill>>('/api/me/bills', { query: { status, roomId, page: pageParam, pageSize: PAGE } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** the home card's figures: the first 100 unpaid bills are plenty for a household */
export function useUnpaidSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'summary'],
    queryFn: () => api.get<Page<MyBill>>('/api/me/bills', { query: { status: 'unpaid', pageSize: 100 } }),
    enabled,
  });
}

export function useMyBill(id: string) {
  return useQuery({ queryKey: [...KEY, 'bill', id], queryFn: () => api.get<MyBillDetail>(`/api/me/bills/${id}`) });
}

export function useMyStatement(roomId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, 'statement', roomId, from, to],
    queryFn: () => api.get<Statement>(`/api/me/rooms/${roomId}/statement`, { query: { from, to } }),
  });
}
