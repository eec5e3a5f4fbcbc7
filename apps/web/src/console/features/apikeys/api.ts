import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { ApiKey, ApiKeyCreated } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

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
  return useInvalidatingMutation(KEY, (body: ApiKeyCreate) => api.post<ApiKeyCreated>('/api/api-keys', body, { noProject: true }));
}

export function useRevokeApiKey() {
  return useInvalidatingMutation(KEY, (id: string) => api.delete(`/api/api-keys/${id}`, { noProject: true }));
}
