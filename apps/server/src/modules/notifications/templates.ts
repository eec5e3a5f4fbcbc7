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
  'workorder.submitted': {
    'zh-CN': { title: '新报事 {{no}}', body: '{{category}} · {{location}}：{{description}}' },
    en: { title: 'New request {{no}}', body: '{{category}} · {{location}}: {{description}}' },
  },
  'workorder.assigned': {
    'zh-CN': { title: '新工单 {{no}}', body: '{{category}} · {{location}}，请于 {{due}} 前响应。' },
    en: { title: 'Work order {{no}} assigned', body: '{{category}} · {{location}}. Respond by {{due}}.' },
  },
  'workorder.status_changed': {
    'zh-CN': { title: '工单 {{no}} {{status}}', body: '您的报事 {{no}} 状态更新为「{{status}}」。{{note}}' },
    en: { title: 'Request {{no}}: {{status}}', body: 'Your request {{no}} is now "{{status}}". {{note}}' },
  },
  'workorder.quoted': {
    'zh-CN': { title: '维修报价 {{no}}', body: '工单 {{no}} 需收费 {{amount}} 元（{{note}}），请在「我的报事」中确认。' },
    en: { title: 'Repair quote {{no}}', body: 'Request {{no}} costs ¥{{amount}} ({{note}}). Please accept or decline in the app.' },
  },
  'workorder.sla_warning': {
    'zh-CN': { title: '工单 {{no}} 即将超时', body: '{{kind}}时限 {{deadline}}，请尽快处理。' },
    en: { title: 'Work order {{no}} nearly due', body: '{{kind}} deadline {{deadline}}: please act now.' },
  },
  'workorder.sla_escalated': {
    'zh-CN': { title: '工单 {{no}} 已超时（{{level}}）', body: '{{kind}}时限 {{deadline}} 已过，处理人：{{assignee}}。' },
    en: { title: 'Work order {{no}} overdue ({{level}})', body: '{{kind}} deadline {{deadline}} passed; assignee: {{assignee}}.' },
  },
  'workorder.revisit_due': {
    'zh-CN': { title: '待回访 {{no}}', body: '工单 {{no}} 已完成（评分 {{rating}}），请安排回访。' },
    en: { title: 'Revisit {{no}}', body: 'Work order {{no}} is done (rating {{rating}}): please revisit.' },
  },
  'payment.arrears_reminder': {
    'zh-CN': { title: '物业费催缴提醒', body: '尊敬的业主，您的房屋 {{project}} {{room}} 尚有 {{count}} 笔费用（最早应缴日 {{since}}）未缴，合计 {{amount}} 元，请尽快缴纳。如已缴纳请忽略。{{contact}}' },
    en: { title: 'Payment reminder', body: 'Your home {{project}} {{room}} has {{count}} unpaid bill(s) (earliest due {{since}}), ¥{{amount}} in total. Please pay soon; ignore this if you already have. {{contact}}' },
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
