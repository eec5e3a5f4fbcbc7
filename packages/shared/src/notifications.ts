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
  'workorder.submitted': { vars: ['no', 'category', 'location', 'description'], channels: ['inapp', 'webpush'] },
  'workorder.assigned': { vars: ['no', 'category', 'location', 'due'], channels: ['inapp', 'webpush', 'sms'] },
  'workorder.status_changed': { vars: ['no', 'status', 'note'], channels: ['inapp', 'webpush'] },
  'workorder.quoted': { vars: ['no', 'amount', 'note'], channels: ['inapp', 'webpush', 'sms'] },
  'workorder.sla_warning': { vars: ['no', 'deadline', 'kind'], channels: ['inapp', 'webpush'] },
  'workorder.sla_escalated': { vars: ['no', 'deadline', 'kind', 'assignee', 'level'], channels: ['inapp', 'webpush', 'sms'] },
  'workorder.revisit_due': { vars: ['no', 'rating'], channels: ['inapp'] },
  'payment.arrears_reminder': { vars: ['room', 'project', 'amount', 'count', 'since', 'contact'], channels: ['inapp', 'sms'] },
} as const satisfies Record<string, EventDef>;

export type NotificationEvent = keyof typeof notificationEvents;
export const notificationEventNames = Object.keys(notificationEvents) as NotificationEvent[];

export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
