import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { ApiKey, ApiKeyCreated } from '../../../shared/types.ts';

const KEY = ['api-keys'] as const;

export interface ApiKeyCreate {
  name: string;
  permissions: string[];
  /** null = every project of the company */
  projectIds: string[] | null;
}

export function useApiKeys() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<ApiKey[]>('/api/api-keys', { noProject: true }) });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => api.post<ApiKeyCreated>('/api/api-keys', body, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/api-keys/${id}`, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
