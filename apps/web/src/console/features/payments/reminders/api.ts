import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZReminder, ZReminderBatch, ZReminderBatchResult, ZReminderCandidate, ZReminderPreview, ZReminderQuery, ZReminderRule, ZReminderRuleCreate,
  ZReminderRuleList, ZReminderRuleUpdate,
} from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';

export type ReminderRule = z.output<typeof ZReminderRule>;
export type ReminderRuleCreate = z.input<typeof ZReminderRuleCreate>;
export type ReminderRuleUpdate = z.input<typeof ZReminderRuleUpdate>;
export type ReminderBatch = z.input<typeof ZReminderBatch>;
export type ReminderPreview = z.output<typeof ZReminderPreview>;
export type ReminderCandidate = z.output<typeof ZReminderCandidate>;
export type ReminderBatchResult = z.output<typeof ZReminderBatchResult>;
export type Reminder = z.output<typeof ZReminder>;
export type ReminderQuery = Omit<z.input<typeof ZReminderQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type ReminderChannel = ReminderRule['channels'][number];
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ['inapp', 'sms'];

/** rules, history and previews: a batch or a rule change refetches all of it */
export const REMIND_KEY = ['payments', 'reminders'] as const;
/** the notice PDF takes room ids in its query: beyond this many, print by project or building */
export const NOTICE_URL_ROOMS = 200;

export function useReminderRules(projectId: string | undefined) {
  return useQuery({
    queryKey: [...REMIND_KEY, 'rules', projectId ?? ''],
    queryFn: () => api.get<z.output<typeof ZReminderRuleList>>('/api/payments/reminder-rules', { query: { projectId } }),
  });
}

export function useSaveRule() {
  return useInvalidatingMutation(REMIND_KEY, (v: { id: string; update: ReminderRuleUpdate } | { create: ReminderRuleCreate }) =>
    ('id' in v ? api.put<ReminderRule>(`/api/payments/reminder-rules/${v.id}`, v.update) : api.post<ReminderRule>('/api/payments/reminder-rules', v.create)));
}

export function useDeleteRule() {
  return useInvalidatingMutation(REMIND_KEY, (id: string) => api.delete<{ ok: true }>(`/api/payments/reminder-rules/${id}`));
}

/** what a batch would send: the server's candidates, nothing written */
export function usePreviewBatch() {
  return useMutation({ mutationFn: (body: ReminderBatch) => api.post<ReminderPreview>('/api/payments/reminders/preview', body) });
}

export function useSendBatch() {
  return useInvalidatingMutation(REMIND_KEY, ({ body, key }: { body: ReminderBatch; key: string }) =>
    api.post<ReminderBatchResult>('/api/payments/reminders/batch', body, { headers: { 'idempotency-key': key } }));
}

export function useReminders(query: ReminderQuery) {
  return useQuery({
    queryKey: [...REMIND_KEY, 'history', query],
    queryFn: () => api.get<Page<Reminder>>('/api/payments/reminders', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** 催缴通知单: listed rooms, or a project's (one building's) owing rooms */
export function noticePath(q: { roomIds?: string[]; projectId?: string; buildingId?: string; minAmountFen?: number }) {
  const p = new URLSearchParams();
  if (q.roomIds?.length) p.set('roomIds', q.roomIds.join(','));
  else {
    if (q.projectId) p.set('projectId', q.projectId);
    if (q.buildingId) p.set('buildingId', q.buildingId);
  }
  if (q.minAmountFen) p.set('minAmountFen', String(q.minAmountFen));
  const s = p.toString();
  return `/api/payments/reminders/notice.pdf${s ? `?${s}` : ''}`;
}
