import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBindingProject, ZBindingRequest, ZBindingRoom, ZMyBinding, ZMyRoom, ZMyRoomDetail } from '@wuye/shared';
import { api } from '../../shared/api.ts';
import { ME_KEY, usePermissions } from '../../shared/auth.ts';

export type MyRoom = z.infer<typeof ZMyRoom>;
export type MyRoomDetail = z.infer<typeof ZMyRoomDetail>;
export type MyBinding = z.infer<typeof ZMyBinding>;
export type BindingProject = z.infer<typeof ZBindingProject>;
export type BindingRoom = z.infer<typeof ZBindingRoom>;
export type BindingInput = z.infer<typeof ZBindingRequest>;
export type Relation = BindingInput['relation'];
export const relations: readonly Relation[] = ['owner', 'co_owner', 'tenant', 'family'];

const ROOMS_KEY = ['my-rooms'] as const;
const BINDINGS_KEY = ['my-room-bindings'] as const;

/** GET /api/me/rooms — empty (and not asked) for a person not yet resident anywhere: they lack `resident.self`. */
export function useMyRooms() {
  const { has } = usePermissions();
  const allowed = has('resident.self');
  const q = useQuery({ queryKey: ROOMS_KEY, queryFn: () => api.get<MyRoom[]>('/api/me/rooms'), enabled: allowed });
  return { ...q, rooms: allowed ? (q.data ?? []) : [], isPending: allowed && q.isPending };
}

export function useMyRoom(id: string) {
  return useQuery({ queryKey: [...ROOMS_KEY, id], queryFn: () => api.get<MyRoomDetail>(`/api/me/rooms/${id}`) });
}

export function useMyBindings() {
  return useQuery({ queryKey: BINDINGS_KEY, queryFn: () => api.get<MyBinding[]>('/api/me/room-bindings') });
}

/** The community directory; asked only once something is typed (the server wants 1–32 characters). */
export function useBindingProjects(q: string) {
  return useQuery({
    queryKey: ['binding-projects', q],
    queryFn: () => api.get<BindingProject[]>('/api/binding/projects', { query: { q } }),
    enabled: q.length > 0,
  });
}

export function useBindingRooms(projectId: string | null, code: string) {
  return useQuery({
    queryKey: ['binding-rooms', projectId, code],
    queryFn: () => api.get<BindingRoom[]>(`/api/binding/projects/${projectId}/rooms`, { query: { code } }),
    enabled: !!projectId && code.length > 0,
  });
}

/**
 * POST /api/me/room-bindings. An approval at once changes who the account is (it may have just
 * joined a company), so /me is fetched again along with the rooms and the requests.
 */
export function useBindRoom() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BindingInput) => api.post<{ id: string; status: MyBinding['status'] }>('/api/me/room-bindings', input),
    onSuccess: async (res) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: BINDINGS_KEY }),
        ...(res.status === 'approved' ? [qc.invalidateQueries({ queryKey: ME_KEY }), qc.invalidateQueries({ queryKey: ROOMS_KEY })] : []),
      ]);
    },
  });
}
