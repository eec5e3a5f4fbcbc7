import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { SessionInfo } from '../../../shared/types.ts';

const KEY = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<SessionInfo[]>('/api/auth/sessions', { noProject: true }) });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { oldPassword: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password', body, { noProject: true, noAuthRedirect: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
