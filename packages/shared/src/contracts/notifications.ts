import { z } from 'zod';
import { channels, locales, notificationEventNames, deliveryStatuses } from '../notifications.ts';
import { ZId, ZPageQuery } from './common.ts';

export const ZChannel = z.enum(channels);
export const ZNotification = z.object({
  id: ZId, event: z.string(), title: z.string(), body: z.string(), data: z.unknown(),
  readAt: z.string().nullable(), createdAt: z.string(),
});
export const ZInboxQuery = ZPageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const ZUnreadCount = z.object({ count: z.number().int() });

export const ZChannelPrefs = z.object({ prefs: z.array(z.object({ channel: ZChannel, enabled: z.boolean() }).strict()).max(10) }).strict();

export const ZTemplate = z.object({
  event: z.enum(notificationEventNames as [string, ...string[]]),
  channel: ZChannel,
  locale: z.enum(locales),
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(2000),
});
export const ZTemplateUpsert = ZTemplate.strict();
export const ZTemplateView = ZTemplate.extend({ id: ZId.nullable(), custom: z.boolean(), vars: z.array(z.string()) });

export const ZDelivery = z.object({
  id: ZId, notificationId: ZId, channel: z.string(), address: z.string(), status: z.enum(deliveryStatuses),
  attempts: z.number().int(), lastError: z.string().nullable(), providerRef: z.string().nullable(),
  title: z.string(), body: z.string(), recipient: z.string(), createdAt: z.string(), sentAt: z.string().nullable(),
});
export const ZDeliveryQuery = ZPageQuery.extend({
  status: z.enum(deliveryStatuses).optional(),
  channel: ZChannel.optional(),
});

export const ZBroadcast = z.object({
  title: z.string().trim().min(1).max(100),
  content: z.string().trim().min(1).max(1000),
  projectId: ZId,
  /** limit to holders of a role (code) in that project; omit for everyone: staff and residents */
  role: z.string().max(32).optional(),
  /** only the residents of one building, or of some rooms (staff are not included then) */
  buildingId: ZId.optional(),
  roomIds: z.array(ZId).min(1).max(5000).optional(),
}).strict();
export const ZBroadcastResult = z.object({ recipients: z.number().int() });
