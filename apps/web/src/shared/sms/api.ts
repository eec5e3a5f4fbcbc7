import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ZResetByCode, ZSmsCodeRequest, ZSmsCodeSent, ZSmsLogin } from '@wuye/shared';
import { api, isApiError } from '../api.ts';
import { fetchMe, ME_KEY } from '../auth.ts';
import { errorText } from '../errors.ts';

export type SmsPurpose = z.infer<typeof ZSmsCodeRequest>['purpose'];
export type SmsCodeSent = z.infer<typeof ZSmsCodeSent>;
export type SmsLoginInput = z.infer<typeof ZSmsLogin>;
export type ResetByCodeInput = z.infer<typeof ZResetByCode>;

/** Every call here happens before anyone is signed in: a 401 is an answer, not an expired session. */
const publicCall = { noProject: true, noAuthRedirect: true } as const;

/** POST /api/auth/sms-code — the same answer for unknown numbers; `demoCode` only in the demo. */
export function requestSmsCode(phone: string, purpose: SmsPurpose): Promise<SmsCodeSent> {
  return api.post<SmsCodeSent>('/api/auth/sms-code', { phone, purpose }, publicCall);
}

/** Seconds to wait from a 429 `throttled` answer (`details.retryAfter`), else null. */
export function throttledFor(err: unknown): number | null {
  if (!isApiError(err) || err.status !== 429) return null;
  const wait = (err.details as { retryAfter?: unknown } | null | undefined)?.retryAfter;
  return typeof wait === 'number' && wait > 0 ? Math.ceil(wait) : null;
}

/** What a refused sign-in or reset by code says: a wrong code, a locked account, too many tries, or the server's message. */
export function smsAuthErrorText(t: TFunction, err: unknown): string {
  if (isApiError(err) && err.code === 'invalid_credentials') return t('smsAuth.invalidCode');
  if (isApiError(err) && (err.code === 'account_locked' || err.code === 'throttled')) return t(`error.${err.code}`);
  return errorText(t, err);
}

/** POST /api/auth/login-sms: signs in like the password login (session cookie, fresh /me). */
export function useSmsLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SmsLoginInput) => api.post<unknown>('/api/auth/login-sms', input, publicCall),
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
    },
  });
}

/** POST /api/auth/reset-password: every session of the person ends; sign in again afterwards. */
export function useResetByCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetByCodeInput) => api.post<{ ok: true }>('/api/auth/reset-password', input, publicCall),
    onSuccess: () => qc.clear(),
  });
}
