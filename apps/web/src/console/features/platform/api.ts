import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';

export const sandboxChannels = ['sms', 'wechat', 'email'] as const;
export type SandboxChannel = (typeof sandboxChannels)[number];

/** One message a sandbox provider "sent" (GET /api/platform/sandbox-messages). */
export interface SandboxMessage {
  id: string;
  channel: string;
  to: string;
  content: unknown;
  createdAt: string;
}

export interface SandboxQuery {
  channel?: SandboxChannel;
  /** exact recipient: phone number, e-mail address or openid */
  to?: string;
}

export const SANDBOX_REFRESH_MS = 5_000;

const newestFirst = (rows: SandboxMessage[]) => [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** The newest 200 sandbox messages, refreshed every 5 s while the page is open. */
export function useSandboxMessages(query: SandboxQuery) {
  return useQuery({
    queryKey: ['sandbox-messages', query],
    queryFn: ({ signal }) =>
      api.get<SandboxMessage[]>('/api/platform/sandbox-messages', { query: { ...query }, noProject: true, signal }),
    select: newestFirst,
    placeholderData: keepPreviousData,
    refetchInterval: SANDBOX_REFRESH_MS,
  });
}

/** `content` is the provider's message: `{ title, body, data }`, each possibly missing. */
export function contentOf(m: SandboxMessage): { title: string; body: string; data: unknown } {
  const c = (m.content && typeof m.content === 'object' ? m.content : {}) as Record<string, unknown>;
  return {
    title: typeof c.title === 'string' ? c.title : '',
    body: typeof c.body === 'string' ? c.body : typeof m.content === 'string' ? m.content : '',
    data: c.data ?? null,
  };
}
