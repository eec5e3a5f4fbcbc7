import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../../../../resident/workorders/common/idempotency.ts';

/**
 * One Idempotency-Key per attempt: submitting the same body again (a retry after a lost answer, a
 * double click) reuses the key, so the server answers the first response instead of posting twice;
 * a changed body is a new attempt with a new key (the old key with another body would be a 422).
 * `reset()` after a success: the next payment is a new attempt even with the same body.
 */
export function useAttemptKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const reset = useCallback(() => { last.current = null; }, []);
  return { keyFor, reset };
}
