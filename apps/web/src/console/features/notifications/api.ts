import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, DeliveryStatus, Locale } from '@wuye/shared/notifications';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

/** GET /api/notification-templates: built-in and this company's custom wording. */
export interface TemplateView {
  id: string | null;
  event: string;
  channel: Channel;
  locale: Locale;
  title: string;
  body: string;
  custom: boolean;
  /** the variables this event provides: `{{name}}` */
  vars: string[];
}

export interface TemplateUpsert {
  event: string;
  channel: Channel;
  locale: Locale;
  title: string;
  body: string;
}

export interface Delivery {
  id: string;
  notificationId: string;
  channel: Channel;
  address: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  providerRef: string | null;
  title: string;
  body: string;
  recipient: string;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  channel?: Channel;
  page: number;
  pageSize: number;
}

export interface BroadcastInput {
  title: string;
  content: string;
  projectId: string;
  role?: string;
}

const TEMPLATES = ['notification-templates'] as const;
const DELIVERIES = ['deliveries'] as const;

// Templates belong to the company, never to the selected project.
export function useTemplates() {
  return useQuery({ queryKey: TEMPLATES, queryFn: () => api.get<TemplateView[]>('/api/notification-templates', { noProject: true }) });
}

export function useSaveTemplate() {
  return useInvalidatingMutation(TEMPLATES, (t: TemplateUpsert) => api.put<TemplateView>('/api/notification-templates', t, { noProject: true }));
}

export function useRevertTemplate() {
  return useInvalidatingMutation(TEMPLATES, (id: string) => api.delete(`/api/notification-templates/${id}`, { noProject: true }));
}

const inFlight = (d: Delivery) => d.status === 'pending' || d.status === 'sending';

/** The delivery log follows the project switcher (`x-project-id`); it refreshes while messages are on their way. */
export function useDeliveries(q: DeliveryQuery) {
  return useQuery({
    queryKey: [...DELIVERIES, q],
    queryFn: () => api.get<Page<Delivery>>('/api/deliveries', { query: { ...q } }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(inFlight) ? 3_000 : false),
  });
}

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/deliveries/${id}/resend`, {}),
    onSettled: () => qc.invalidateQueries({ queryKey: DELIVERIES }),
  });
}

export function useBroadcast() {
  return useMutation({
    mutationFn: (b: BroadcastInput) => api.post<{ recipients: number }>('/api/notifications/broadcast', b, { noProject: true }),
  });
}
