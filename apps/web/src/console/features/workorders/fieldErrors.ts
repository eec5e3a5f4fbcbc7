import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../../shared/api.ts';
import { applyFieldErrors } from '../../../shared/errors.ts';

/**
 * A 400's field issues onto the form, the work-order codes (required_for_repair, lacks_skill …)
 * in this namespace's words first; the shared `validation.*` words otherwise.
 */
export function woFieldErrors(form: FormInstance, e: unknown, t: TFunction) {
  if (!isApiError(e) || e.status !== 400 || !Array.isArray(e.details)) return;
  const details = (e.details as { path?: unknown; message?: unknown }[]).map((d) => {
    const code = typeof d.message === 'string' ? d.message : '';
    return /^[a-z_]+$/.test(code) ? { ...d, message: t(`woConsole.validation.${code}`, { defaultValue: t(`validation.${code}`, { defaultValue: code }) }) } : d;
  });
  applyFieldErrors(form, new ApiError(e.status, e.code, e.message, details), t);
}
