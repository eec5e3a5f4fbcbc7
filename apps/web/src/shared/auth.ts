import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { api, isApiError } from './api.ts';
import type { Captcha, Me } from './types.ts';

export const ME_KEY = ['me'] as const;

export interface LoginInput {
  login: string;
  password: string;
  captchaId?: string;
  captchaText?: string;
}

export function fetchMe(): Promise<Me> {
  return api.get<Me>('/api/auth/me', { noProject: true, noAuthRedirect: true });
}

/** The signed-in user; `data` is undefined and `error.status === 401` when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    retry: (count, err) => !(isApiError(err) && err.status > 0 && err.status < 500) && count < 2,
    staleTime: 60_000,
  });
}

/**
 * `useMe().data`, for components rendered only under `RequireAuth`. While signing out the cache
 * is cleared before the tree unmounts: the last known user is kept for that last render.
 */
export function useSignedInMe(): Me {
  const { data } = useMe();
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSignedInMe outside a signed-in tree');
  return last.current;
}

/**
 * Which app the session belongs in. A person who registered but belongs to no company yet
 * (no membership, not a platform operator) is treated as a resident.
 */
export function appKind(me: Me): 'staff' | 'resident' | 'platform' {
  if (me.kind === 'staff') return 'staff';
  if (me.kind === 'platform' && (me.user.isPlatformAdmin || me.memberships.length > 0)) return 'platform';
  return 'resident';
}

export function usePermissions() {
  const { data } = useMe();
  return useMemo(() => {
    const set = new Set(data?.permissions ?? []);
    return { has: (code: string) => set.has(code), set };
  }, [data]);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api.post<unknown>('/api/auth/login', input, { noProject: true, noAuthRedirect: true }),
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
    },
  });
}

export function fetchCaptcha(): Promise<Captcha> {
  return api.get<Captcha>('/api/auth/captcha', { noProject: true, noAuthRedirect: true });
}

export function useLogout(after: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout', {}, { noProject: true, noAuthRedirect: true }),
    onSettled: () => {
      qc.clear();
      after();
    },
  });
}

/** POST /api/auth/switch-company: the session moves to another company of the same person. */
export function useSwitchCompany(after: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) => api.post<unknown>('/api/auth/switch-company', { companyId }, { noProject: true }),
    onSuccess: async () => {
      qc.clear();
      after();
    },
  });
}

/** True when the session is missing or expired (the server answered 401). */
export function isUnauthenticated(err: unknown): boolean {
  return isApiError(err) && err.status === 401;
}
