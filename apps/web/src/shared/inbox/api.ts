import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel } from '@wuye/shared/notifications';
import { api } from '../api.ts';
import type { Page } from '../types.ts';

/** One message of the signed-in user's inbox (GET /api/notifications). */
export interface InboxItem {
  id: string;
  event: string;
  title: string;
  body: string;
  data: unknown;
  readAt: string | null;
  createdAt: string;
}

export interface ChannelPref {
  channel: Channel;
  enabled: boolean;
}

/** Everything under this key is refetched when the inbox changes (SSE `inbox.new` / `inbox.read`). */
export const INBOX_KEY = ['inbox'] as const;
export const UNREAD_KEY = ['inbox', 'unread-count'] as const;
const PREFS_KEY = ['channel-prefs'] as const;

export interface InboxQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

// The inbox is personal: it never depends on the selected project.
export function fetchInbox(q: InboxQuery): Promise<Page<InboxItem>> {
  return api.get<Page<InboxItem>>('/api/notifications', { query: { ...q, unread: q.unread ? 'true' : 'false' }, noProject: true });
}

export function fetchUnreadCount(): Promise<number> {
  return api.get<{ count: number }>('/api/notifications/unread-count', { noProject: true }).then((r) => r.count);
}

export function useInboxPage(q: InboxQuery) {
  return useQuery({
    queryKey: [...INBOX_KEY, 'list', q],
    queryFn: () => fetchInbox(q),
    placeholderData: keepPreviousData,
  });
}

/** Marks one message read; the list and the count update at once, then refetch. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/notifications/${id}/read`, {}, { noProject: true }),
    onMutate: (id) => {
      const now = new Date().toISOString();
      let changed = false;
      qc.setQueriesData<Page<InboxItem>>({ queryKey: [...INBOX_KEY, 'list'] }, (page) => {
        if (!page) return page;
        return {
          ...page,
          items: page.items.map((it) => {
            if (it.id !== id || it.readAt) return it;
            changed = true;
            return { ...it, readAt: now };
          }),
        };
      });
      if (changed) qc.setQueryData<number>(UNREAD_KEY, (n) => (n ? n - 1 : n));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ count: number }>('/api/notifications/read-all', {}, { noProject: true }),
    onSuccess: () => qc.setQueryData<number>(UNREAD_KEY, 0),
    onSettled: () => qc.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function useChannelPrefs() {
  return useQuery({
    queryKey: PREFS_KEY,
    queryFn: () => api.get<{ prefs: ChannelPref[] }>('/api/me/channel-prefs', { noProject: true }).then((r) => r.prefs),
  });
}

export function useSaveChannelPref() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pref: ChannelPref) =>
      api.put<{ prefs: ChannelPref[] }>('/api/me/channel-prefs', { prefs: [pref] }, { noProject: true }).then((r) => r.prefs),
    onSuccess: (prefs) => qc.setQueryData(PREFS_KEY, prefs),
  });
}
