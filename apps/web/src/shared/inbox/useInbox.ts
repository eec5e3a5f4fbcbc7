import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useMe } from '../auth.ts';
import { fetchUnreadCount, INBOX_KEY, UNREAD_KEY, useMarkAllRead, useMarkRead } from './api.ts';
import { subscribeServerEvents, type ServerEvent } from './events.ts';

const INBOX_EVENTS = ['ready', 'inbox.new', 'inbox.read'] as const;

/** The last server event each query cache has reacted to: many `useInbox()` callers, one refetch. */
const handled = new WeakMap<QueryClient, number>();

function firstToHandle(qc: QueryClient, e: ServerEvent): boolean {
  if ((handled.get(qc) ?? 0) >= e.seq) return false;
  handled.set(qc, e.seq);
  return true;
}

export interface UseInboxOptions {
  /** called once per `inbox.new` event by this caller (the shell uses it for the pop-up) */
  onNew?: (e: ServerEvent) => void;
}

/**
 * The signed-in user's unread count, kept live: the page's one EventSource (opened while a
 * signed-in user is known, closed when the last caller unmounts, e.g. on sign-out) makes the
 * inbox queries refetch on `inbox.new` / `inbox.read`, and after a reconnect (events may have
 * been missed meanwhile).
 */
export function useInbox(opts: UseInboxOptions = {}) {
  const qc = useQueryClient();
  const userId = useMe().data?.user.id;
  const onNew = useRef(opts.onNew);
  useEffect(() => {
    onNew.current = opts.onNew;
  });

  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: fetchUnreadCount,
    enabled: !!userId,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!userId) return;
    return subscribeServerEvents(INBOX_EVENTS, (e) => {
      const changed = e.type !== 'ready' || e.reconnect;
      if (changed && firstToHandle(qc, e)) void qc.invalidateQueries({ queryKey: INBOX_KEY });
      if (e.type === 'inbox.new') onNew.current?.(e);
    });
  }, [qc, userId]);

  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  return { unread: unread.data ?? 0, unreadQuery: unread, markRead, markAllRead };
}
