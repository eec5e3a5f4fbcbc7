import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZFacility, ZProject, ZRoomDetail, ZWorkOrderCreate } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import { newIdempotencyKey } from '../../resident/workorders/common/idempotency.ts';
import type { WoCategory, WoDetail, WoEventBody, WoRow } from '../../resident/workorders/common/types.ts';

export const TASKS_KEY = ['staff-work-orders'] as const;
export const OPEN_STATUSES = 'submitted,assigned,accepted,in_progress,paused';
export type Project = z.output<typeof ZProject>;
export type Room = z.output<typeof ZRoomDetail>;
export type Facility = z.output<typeof ZFacility>;
export type WoCreate = z.input<typeof ZWorkOrderCreate>;
export type TaskTab = 'mine' | 'pool';

/** 我的任务 (assigned to me, most urgent deadline first) or the 抢单池 of my projects. */
export function useTasks(tab: TaskTab, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...TASKS_KEY, 'list', tab],
    queryFn: () => api.get<Page<WoRow>>('/api/work-orders', {
      query: tab === 'mine'
        ? { mine: 'me', sort: 'deadline', status: 'assigned,accepted,in_progress,paused', pageSize: 100 }
        : { mine: 'pool', sort: 'deadline', pageSize: 100 },
    }),
  });
}

export function useTask(id: string) {
  return useQuery({ queryKey: [...TASKS_KEY, 'detail', id], queryFn: () => api.get<WoDetail>(`/api/work-orders/${id}`) });
}

export function useTaskEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WoEventBody) => api.post<WoDetail>(`/api/work-orders/${id}/events`, body),
    onSuccess: (d) => {
      qc.setQueryData([...TASKS_KEY, 'detail', id], d);
      return qc.invalidateQueries({ queryKey: [...TASKS_KEY, 'list'] });
    },
  });
}

/** for the navigate link: the project's coordinates, when the project has them */
export function useProject(id: string | undefined) {
  return useQuery({ queryKey: ['project', id], queryFn: () => api.get<Project>(`/api/projects/${id}`), enabled: !!id, staleTime: 10 * 60_000, retry: false });
}

export function useRoom(id: string | undefined) {
  return useQuery({ queryKey: ['room', id], queryFn: () => api.get<Room>(`/api/rooms/${id}`), enabled: !!id, retry: false });
}

/** there is no single-facility read: the project's list, searched for the one */
export function useFacility(id: string | undefined, projectId: string | undefined) {
  return useQuery({
    queryKey: ['facility', id, projectId],
    queryFn: async () => {
      const page = await api.get<Page<Facility>>('/api/facilities', { query: { projectId, pageSize: 100 } });
      return page.items.find((f) => f.id === id) ?? null;
    },
    enabled: !!id && !!projectId,
    retry: false,
  });
}

/** the open orders at a room (server filter) or a facility (the project's, filtered here) */
export function usePlaceOrders(place: { roomId?: string; facilityId?: string; projectId?: string }) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'place', place],
    queryFn: async () => {
      const query = place.roomId ? { roomId: place.roomId } : { projectId: place.projectId, facilityId: place.facilityId };
      const page = await api.get<Page<WoRow>>('/api/work-orders', { query: { ...query, status: OPEN_STATUSES, sort: 'deadline', pageSize: 100 } });
      return page.items;
    },
    enabled: !!(place.roomId || (place.facilityId && place.projectId)),
  });
}

export function useStaffCategories() {
  return useQuery({ queryKey: ['wo-categories'], queryFn: () => api.get<WoCategory[]>('/api/work-orders/categories'), staleTime: 5 * 60_000 });
}

/** a patrol finding; one Idempotency-Key per form so a double tap is one order */
export function useReportFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: WoCreate; key: string }) => api.post<WoDetail>('/api/work-orders', body, { headers: { 'idempotency-key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TASKS_KEY }),
  });
}
export { newIdempotencyKey };
