import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttemptKey } from '../../console/features/payments/shared/attemptKey.ts';
import { errorText } from '../../shared/errors.ts';
import { useCreateMyOrder, type MyOrderCreate } from './api.ts';

/**
 * 立即支付: create the order (one Idempotency-Key per attempt: the same body again is the same
 * order) and leave for the provider's pay page, which brings the resident back to /pay/orders/:id.
 */
export function usePayOrder() {
  const { t } = useTranslation();
  const create = useCreateMyOrder();
  const attempt = useAttemptKey();
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const pay = (body: MyOrderCreate) => {
    if (create.isPending || leaving) return;
    setError(null);
    create.mutate({ body, key: attempt.keyFor(body) }, {
      onSuccess: (o) => {
        if (!o.payUrl) { setError(t('payH5.pay.noPayUrl')); return; }
        setLeaving(true);
        window.location.assign(o.payUrl);
      },
      onError: (e) => setError(errorText(t, e)),
    });
  };
  return { pay, error, busy: create.isPending || leaving };
}
