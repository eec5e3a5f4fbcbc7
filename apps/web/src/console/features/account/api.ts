import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { SessionInfo } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

const KEY = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<SessionInfo[]>('/api/auth/sessions', { noProject: true }) });
}

export function useRevokeSession() {
  return useInvalidatingMutation(KEY, (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`, { noProject: true }));
}

export function useChangePassword() {
  return useInvalidatingMutation(KEY, (body: { oldPassword: string; newPassword: string }) =>
    api.post<unknown>('/api/auth/password', body, { noProject: true, noAuthRedirect: true }),
  );
}
