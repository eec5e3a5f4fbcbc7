/**
 * Notification events are typed: each names the variables its templates may use and the
 * channels it goes out on by default. Other modules add their events here.
 */
export const channels = ['inapp', 'sms', 'wechat', 'email', 'webpush'] as const;
export type Channel = (typeof channels)[number];
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export interface EventDef {
  vars: readonly string[];
  channels: readonly Channel[];
}

export const notificationEvents = {
  'system.broadcast': { vars: ['title', 'content', 'sender'], channels: ['inapp', 'webpush'] },
  'account.password_changed': { vars: ['name', 'time'], channels: ['inapp', 'sms'] },
  'account.locked': { vars: ['name', 'login', 'time'], channels: ['inapp', 'email'] },
  'binding.requested': { vars: ['name', 'room', 'relation'], channels: ['inapp'] },
  'binding.decided': { vars: ['room', 'result', 'note'], channels: ['inapp', 'sms'] },
} as const satisfies Record<string, EventDef>;

export type NotificationEvent = keyof typeof notificationEvents;
export const notificationEventNames = Object.keys(notificationEvents) as NotificationEvent[];

export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
