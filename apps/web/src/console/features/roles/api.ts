import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { PermissionCatalogue, Role } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

const KEY = ['roles'] as const;

export interface RoleCreate {
  code: string;
  name: string;
  scope: Role['scope'];
  permissions: string[];
}
export interface RoleUpdate {
  version: number;
  name?: string;
  permissions?: string[];
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<Role[]>('/api/roles', { noProject: true }), enabled });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get<PermissionCatalogue>('/api/permissions', { noProject: true }),
    staleTime: Infinity,
  });
}

export function useSaveRole() {
  return useInvalidatingMutation(KEY, (input: { id?: string; create?: RoleCreate; update?: RoleUpdate }) =>
    input.id
      ? api.patch<Role>(`/api/roles/${input.id}`, input.update, { noProject: true })
      : api.post<Role>('/api/roles', input.create, { noProject: true }),
  );
}

export function useDeleteRole() {
  return useInvalidatingMutation(KEY, (id: string) => api.delete(`/api/roles/${id}`, { noProject: true }));
}
