import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import type {
  KbArticle, KbArticleCreate, KbArticleUpdate, SavedView, WoCandidate, WoCategory, WoCategoryCreate, WoCategoryUpdate, WoListQuery,
  WorkOrderCreate, WorkOrderDetail, WorkOrderEventBody, WorkOrderPage, WoSettings, WoSettingsUpdate, WoStats, WoStatsQuery,
} from './types.ts';

/** Everything the work-order console caches lives under this key: one invalidation on a live event refreshes it all. */
export const WO_KEY = ['workorders'] as const;
export const woKeys = {
  list: (q: object) => [...WO_KEY, 'list', q] as const,
  detail: (id: string | null) => [...WO_KEY, 'detail', id] as const,
  candidates: (id: string | null) => [...WO_KEY, 'candidates', id] as const,
  stats: (q: object) => [...WO_KEY, 'stats', q] as const,
  categories: [...WO_KEY, 'categories'] as const,
  kb: (q: object) => [...WO_KEY, 'kb', q] as const,
  settings: (projectId: string) => [...WO_KEY, 'settings', projectId] as const,
  views: (page: string) => [...WO_KEY, 'views', page] as const,
};

const toParams = (q: WoListQuery) => ({ ...q, status: q.status?.length ? q.status.join(',') : undefined });

export function useWorkOrders(query: WoListQuery, enabled = true) {
  return useQuery({
    queryKey: woKeys.list(query),
    queryFn: () => api.get<WorkOrderPage>('/api/work-orders', { query: toParams(query) }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWorkOrder(id: string | null) {
  return useQuery({
    queryKey: woKeys.detail(id),
    queryFn: () => api.get<WorkOrderDetail>(`/api/work-orders/${id}`),
    enabled: !!id,
  });
}

export function useCandidates(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: woKeys.candidates(id),
    queryFn: () => api.get<WoCandidate[]>(`/api/work-orders/${id}/candidates`),
    enabled: !!id && enabled,
  });
}

export function useCreateWorkOrder() {
  return useInvalidatingMutation(WO_KEY, ({ body, idempotencyKey }: { body: WorkOrderCreate; idempotencyKey: string }) =>
    api.post<WorkOrderDetail>('/api/work-orders', body, { headers: { 'idempotency-key': idempotencyKey } }));
}

export function useWorkOrderEvent(id: string) {
  return useInvalidatingMutation(WO_KEY, ({ body, idempotencyKey }: { body: WorkOrderEventBody; idempotencyKey: string }) =>
    api.post<WorkOrderDetail>(`/api/work-orders/${id}/events`, body, { headers: { 'idempotency-key': idempotencyKey } }));
}

export function useWoStats(query: WoStatsQuery) {
  return useQuery({
    queryKey: woKeys.stats(query),
    queryFn: () => api.get<WoStats>('/api/work-orders/stats', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useWoCategories() {
  return useQuery({ queryKey: woKeys.categories, queryFn: () => api.get<WoCategory[]>('/api/work-orders/categories'), staleTime: 60_000 });
}

export function useSaveCategory() {
  return useInvalidatingMutation(WO_KEY, (input: { id: string; update: WoCategoryUpdate } | { create: WoCategoryCreate }) =>
    'id' in input ? api.put<WoCategory>(`/api/work-orders/categories/${input.id}`, input.update) : api.post<WoCategory>('/api/work-orders/categories', input.create));
}

export function useKb(query: { categoryId?: string; q?: string }) {
  return useQuery({ queryKey: woKeys.kb(query), queryFn: () => api.get<KbArticle[]>('/api/work-orders/kb', { query: { ...query } }) });
}

export function useSaveKb() {
  return useInvalidatingMutation(WO_KEY, (input: { id: string; update: KbArticleUpdate } | { create: KbArticleCreate }) =>
    'id' in input ? api.put<KbArticle>(`/api/work-orders/kb/${input.id}`, input.update) : api.post<KbArticle>('/api/work-orders/kb', input.create));
}

export function useDeleteKb() {
  return useInvalidatingMutation(WO_KEY, (id: string) => api.delete(`/api/work-orders/kb/${id}`));
}

export function useWoSettings(projectId: string) {
  return useQuery({ queryKey: woKeys.settings(projectId), queryFn: () => api.get<WoSettings>(`/api/work-orders/projects/${projectId}/settings`), enabled: !!projectId });
}

export function useSaveWoSettings(projectId: string) {
  return useInvalidatingMutation(woKeys.settings(projectId), (input: WoSettingsUpdate) => api.put<WoSettings>(`/api/work-orders/projects/${projectId}/settings`, input));
}

export function useSavedViews(page: string) {
  return useQuery({ queryKey: woKeys.views(page), queryFn: () => api.get<SavedView[]>('/api/saved-views', { query: { page }, noProject: true }) });
}

export function useSaveView(page: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; filters: Record<string, unknown> }) => api.post<SavedView>('/api/saved-views', { page, ...input }, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: woKeys.views(page) }),
  });
}

export function useDeleteView(page: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/saved-views/${id}`, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: woKeys.views(page) }),
  });
}

/** A photo for a new order or an event goes to the caller's own draft area first; its id then travels in `fileIds`. */
export async function uploadDraftPhoto(userId: string, file: File): Promise<{ id: string; name: string }> {
  const body = new FormData();
  body.append('file', file);
  return api.post<{ id: string; name: string }>('/api/files', body, { query: { ownerType: 'work_order_draft', ownerId: userId }, noProject: true });
}
