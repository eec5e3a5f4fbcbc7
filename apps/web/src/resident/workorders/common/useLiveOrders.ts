import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeServerEvents } from '../../../shared/inbox/events.ts';

const EVENTS = ['ready', 'workorder.changed'] as const;

/**
 * Keeps work-order screens live: the page's one SSE stream says an order changed (or that we
 * reconnected and may have missed some), and every query under `keyPrefix` refetches.
 */
export function useLiveOrders(keyPrefix: readonly string[]) {
  const qc = useQueryClient();
  const key = JSON.stringify(keyPrefix);
  useEffect(() => {
    const queryKey = JSON.parse(key) as string[];
    return subscribeServerEvents(EVENTS, (e) => {
      if (e.type === 'ready' && !e.reconnect) return;
      void qc.invalidateQueries({ queryKey });
    });
  }, [qc, key]);
}
