import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from './errors.ts';

interface Options {
  /** i18n key of the toast once saved (default `common.saved`) */
  doneKey?: string;
  /** a stale-version conflict closes the dialog too (edits of versioned records) */
  closeOnStale?: boolean;
}

/**
 * The `mutate` callbacks of a form dialog's save: a toast and the dialog closes when it is done; a
 * failure is reported through the shared handler, field errors landing on the form.
 */
export function useSaveFeedback(form: FormInstance, onClose: () => void, { doneKey = 'common.saved', closeOnStale = false }: Options = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  return {
    onSuccess: () => {
      void message.success(t(doneKey));
      onClose();
    },
    onError: (e: unknown) => onError(e, closeOnStale ? { form, onStale: onClose } : { form }),
  };
}
