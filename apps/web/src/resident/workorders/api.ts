import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZMyWorkOrderCreate } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import type { KbArticle, WoCategory, WoDetail, WoEventBody, WoRow } from './common/types.ts';

export const MY_WO_KEY = ['my-work-orders'] as const;
const PAGE = 20;
export type MyWoCreate = z.input<typeof ZMyWorkOrderCreate>;
/** 进行中 = still waiting for someone; 已完成 = done, cancelled or closed */
export type MyWoFilter = 'open' | 'done' | 'all';
const statusesOf: Record<MyWoFilter, string | undefined> = {
  open: 'submitted,assigned,accepted,in_progress,paused',
  done: 'completed,confirmed,closed,cancelled',
  all: undefined,
};

export function useMyWorkOrders(filter: MyWoFilter) {
  return useInfiniteQuery({
    queryKey: [...MY_WO_KEY, 'list', filter],
    queryFn: ({ pageParam }) => api.get<Page<WoRow>>('/api/me/work-orders', { query: { status: statusesOf[filter], page: pageParam, pageSize: PAGE } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** the home card: what is still open */
export function useMyOpenCount(enabled: boolean) {
  return useQuery({
    queryKey: [...MY_WO_KEY, 'open-count'],
    queryFn: () => api.get<Page<WoRow>>('/api/me/work-orders', { query: { status: statusesOf.open, pageSize: 1 } }),
    enabled,
  });
}

export function useMyWorkOrder(id: string) {
  return useQuery({ queryKey: [...MY_WO_KEY, 'detail', id], queryFn: () => api.get<WoDetail>(`/api/me/work-orders/${id}`) });
}

export function useWoCategories() {
  return useQuery({ queryKey: ['my-wo-categories'], queryFn: () => api.get<WoCategory[]>('/api/me/work-order-categories'), staleTime: 5 * 60_000 });
}

/** 常见问题 of a category: shown before a request is sent */
export function useKb(categoryId: string | undefined) {
  return useQuery({
    queryKey: ['my-kb', categoryId],
    queryFn: () => api.get<KbArticle[]>('/api/me/kb', { query: { categoryId } }),
    enabled: !!categoryId,
    staleTime: 5 * 60_000,
  });
}

/** POST /api/me/work-orders; the form's one Idempotency-Key makes a double tap one order. */
export function useCreateMyWorkOrder(idempotencyKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MyWoCreate) => api.post<WoDetail>('/api/me/work-orders', body, { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MY_WO_KEY }),
  });
}

export function useMyWoEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WoEventBody) => api.post<WoDetail>(`/api/me/work-orders/${id}/events`, body),
    onSuccess: (d) => {
      qc.setQueryData([...MY_WO_KEY, 'detail', id], d);
      return qc.invalidateQueries({ queryKey: [...MY_WO_KEY, 'list'] });
    },
  });
}
