import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '../../../../shared/api.ts';
import { applyFieldErrors, toNamePath } from '../../../../shared/errors.ts';
import { useSaveFeedback } from '../../../../shared/useSaveFeedback.ts';

/**
 * Puts a refusal that names its fields onto the form: zod issues (400 `validation_failed`) and the
 * services' own 400/409 answers with `details` (a future date, a duplicate code or ID number). The
 * latter show the translated code, else the server's sentence. Returns how many fields got one.
 */
export function applyServerFieldErrors(form: FormInstance, e: unknown, t: TFunction): number {
  if (!isApiError(e) || (e.status !== 400 && e.status !== 409) || e.code === 'stale_version' || !Array.isArray(e.details)) return 0;
  if (e.code === 'validation_failed') return applyFieldErrors(form, e, t);
  const fields = (e.details as { path?: unknown; message?: unknown }[])
    .filter((d) => typeof d?.path === 'string')
    .map((d) => {
      let name = toNamePath(d.path as string);
      while (name.length > 1 && typeof name[name.length - 1] === 'number') name = name.slice(0, -1);
      return { name, errors: [t(`validation.${String(d.message)}`, { defaultValue: (e as ApiError).message })] };
    })
    .filter((f) => f.name.length > 0);
  form.setFields(fields);
  return fields.length;
}

/** `useSaveFeedback`, with a service's field-naming refusal shown on its field as well as in the toast. */
export function useFieldSaveFeedback(form: FormInstance, onClose: () => void, opts: Parameters<typeof useSaveFeedback>[2] = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useSaveFeedback(form, onClose, opts);
  return {
    onSuccess: saved.onSuccess,
    onError: (e: unknown) => {
      if (isApiError(e) && e.code !== 'validation_failed' && applyServerFieldErrors(form, e, t) > 0) {
        void message.error(e.message);
        return;
      }
      saved.onError(e);
    },
  };
}
