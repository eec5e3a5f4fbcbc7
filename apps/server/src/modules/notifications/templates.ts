import { notificationEvents, type Channel, type Locale, type NotificationEvent } from '@wuye/shared';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { badRequest } from '../../lib/errors.ts';

export interface TemplateText { title: string; body: string }

/** Built-in wording; a company overrides any (event, channel, locale) in notification_templates. */
export const defaultTemplates: Record<NotificationEvent, Record<Locale, TemplateText>> = {
  'system.broadcast': {
    'zh-CN': { title: '{{title}}', body: '{{content}}（{{sender}}）' },
    en: { title: '{{title}}', body: '{{content}} ({{sender}})' },
  },
  'account.password_changed': {
    'zh-CN': { title: '密码已修改', body: '{{name}}，您的登录密码已于 {{time}} 修改。如非本人操作，请立即联系物业。' },
    en: { title: 'Password changed', body: '{{name}}, your password was changed at {{time}}. If this was not you, contact the property office now.' },
  },
  'account.locked': {
    'zh-CN': { title: '员工账号已锁定', body: '员工 {{name}}（{{login}}）因多次密码错误于 {{time}} 被锁定，请核实后解锁。' },
    en: { title: 'Staff account locked', body: '{{name}} ({{login}}) was locked at {{time}} after repeated failed sign-ins. Verify and unlock.' },
  },
  'binding.requested': {
    'zh-CN': { title: '房屋绑定申请', body: '{{name}} 申请以「{{relation}}」身份绑定 {{room}}，请核实后审批。' },
    en: { title: 'Room binding request', body: '{{name}} asks to be bound to {{room}} as {{relation}}. Please verify and decide.' },
  },
  'binding.decided': {
    'zh-CN': { title: '房屋绑定结果', body: '您绑定 {{room}} 的申请{{result}}。{{note}}' },
    en: { title: 'Room binding', body: 'Your request for {{room}}: {{result}}. {{note}}' },
  },
};

const VAR = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

/** Saving a template with a variable its event does not provide is a 400, not a blank at send time. */
export function checkTemplate(event: NotificationEvent, text: TemplateText) {
  const allowed = new Set<string>(notificationEvents[event].vars);
  const unknown = [...`${text.title}\n${text.body}`.matchAll(VAR)].map((m) => m[1]!).filter((v) => !allowed.has(v));
  if (unknown.length) {
    throw badRequest(`模板包含未知变量：${[...new Set(unknown)].join(', ')}`, [
      { path: 'body', message: `unknown variables: ${[...new Set(unknown)].join(',')}; allowed: ${[...allowed].join(',')}` },
    ]);
  }
}

export function render(text: TemplateText, data: Record<string, unknown>): TemplateText {
  const fill = (s: string) => s.replace(VAR, (_m, k: string) => (data[k] == null ? '' : String(data[k])));
  return { title: fill(text.title), body: fill(text.body) };
}

export function pickTemplate(
  overrides: Map<string, TemplateText>, event: NotificationEvent, channel: Channel, locale: Locale,
): TemplateText {
  return overrides.get(`${event}|${channel}|${locale}`) ?? overrides.get(`${event}|inapp|${locale}`) ?? defaultTemplates[event][locale];
}

/** A company's own wording of an event, keyed `event|channel|locale` for `pickTemplate`. */
export async function loadTemplateOverrides(db: Executor, companyId: string | null, event: string) {
  const map = new Map<string, TemplateText>();
  if (!companyId) return map;
  const res: any = await db.execute(sql`select channel, locale, title, body from notification_templates
                                        where company_id = ${companyId} and event = ${event}`);
  for (const r of res.rows) map.set(`${event}|${r.channel}|${r.locale}`, { title: r.title, body: r.body });
  return map;
}
