import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeServerEvents } from '../../../shared/inbox/events.ts';
import { WO_KEY } from './api.ts';

const LIVE = new Set(['list', 'detail', 'candidates', 'stats']);

/**
 * Keeps the open work-order pages live: a `workorder.changed` on the page's one SSE stream (or a
 * reconnect, after which events may have been missed) refetches the lists, board, detail and stats.
 */
export function useWoLive() {
  const qc = useQueryClient();
  useEffect(
    () =>
      subscribeServerEvents(['ready', 'workorder.changed'], (e) => {
        if (e.type === 'ready' && !e.reconnect) return;
        void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === WO_KEY[0] && LIVE.has(String(q.queryKey[1])) });
      }),
    [qc],
  );
}
