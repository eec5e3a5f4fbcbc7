import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  ZBroadcast, ZBroadcastResult, ZDelivery, ZDeliveryQuery, ZIdParam, ZOk, ZPage, ZTemplateUpsert, ZTemplateView,
  channels, locales, notificationEventNames, notificationEvents, type NotificationEvent,
} from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany } from '../../lib/actor.ts';
import { checkProject } from '../org/projects.service.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { maskPhone } from '../../lib/pii.ts';
import { record } from '../audit/audit.service.ts';
import { deliveries, notificationTemplates } from './notifications.table.ts';
import { checkTemplate, defaultTemplates } from './templates.ts';
import { deliverJob } from './deliver.job.ts';

const tags = ['notifications'];

/** The console side: templates, the delivery log with resend, and broadcasts to a project. */
export function notificationAdminRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/notification-templates', {
    schema: { tags, summary: '通知模板（内置 + 本公司自定义）', response: { 200: z.array(ZTemplateView) } },
    config: { access: { permission: 'notify.template.manage', scope: 'company' } },
  }, async (req) => {
    const companyId = requireCompany(actorOf(req));
    const custom = await db.select().from(notificationTemplates).where(eq(notificationTemplates.companyId, companyId));
    const out = [];
    for (const event of notificationEventNames) {
      for (const channel of channels.filter((c) => c === 'inapp' || (notificationEvents[event].channels as readonly string[]).includes(c))) {
        for (const locale of locales) {
          const own = custom.find((t) => t.event === event && t.channel === channel && t.locale === locale);
          const text = own ?? defaultTemplates[event][locale];
          out.push({ id: own?.id ?? null, event, channel, locale, title: text.title, body: text.body, custom: !!own, vars: [...notificationEvents[event].vars] });
        }
      }
    }
    return out;
  });

  app.put('/api/notification-templates', {
    schema: { tags, summary: '保存自定义模板（变量须属于该事件）', body: ZTemplateUpsert, response: { 200: ZTemplateView } },
    config: { access: { permission: 'notify.template.manage', scope: 'company' } },
  }, async (req) => {
    const actor = actorOf(req);
    const companyId = requireCompany(actor);
    const b = req.body;
    const event = b.event as NotificationEvent;
    checkTemplate(event, b);
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(notificationTemplates).values({ companyId, ...b })
        .onConflictDoUpdate({
          target: [notificationTemplates.companyId, notificationTemplates.event, notificationTemplates.channel, notificationTemplates.locale],
          set: { title: b.title, body: b.body, updatedAt: new Date(), version: sql`${notificationTemplates.version} + 1` },
        }).returning();
      await record(tx, actor, 'notify.template_saved', { type: 'notification_template', id: row!.id }, null, b);
      return { ...b, id: row!.id, custom: true, vars: [...notificationEvents[event].vars] };
    });
  });

  app.delete('/api/notification-templates/:id', {
    schema: { tags, summary: '恢复内置模板', params: ZIdParam, response: { 200: ZOk } },
    config: { access: { permission: 'notify.template.manage', scope: 'company' } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const rows = await tx.delete(notificationTemplates)
        .where(and(eq(notificationTemplates.companyId, requireCompany(actor)), eq(notificationTemplates.id, req.params.id))).returning();
      if (!rows[0]) throw notFound('模板');
      await record(tx, actor, 'notify.template_reset', { type: 'notification_template', id: req.params.id }, rows[0], null);
    });
    return { ok: true as const };
  });

  app.get('/api/deliveries', {
    schema: { tags, summary: '发送记录（含死信）', querystring: ZDeliveryQuery, response: { 200: ZPage(ZDelivery) } },
    config: { access: { permission: 'notify.delivery.read', scope: 'project' } },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const conds: SQL[] = [sql`d.company_id = ${requireCompany(actor)}`];
    const pick = actor.selectedProjectId;
    if (pick) conds.push(sql`n.project_id = ${pick}`);
    else if (actor.projectIds !== 'all') conds.push(sql`n.project_id = any(${sql.param(actor.projectIds)}::uuid[])`);
    if (q.status) conds.push(sql`d.status = ${q.status}`);
    if (q.channel) conds.push(sql`d.channel = ${q.channel}`);
    const where = sql.join(conds, sql` and `);
    const [rows, count]: any[] = await Promise.all([
      db.execute(sql`select d.id, d.notification_id as "notificationId", d.channel, d.address, d.status, d.attempts,
                            d.last_error as "lastError", d.provider_ref as "providerRef", n.title, n.body, u.name as recipient,
                            d.created_at as "createdAt", d.sent_at as "sentAt"
                       from deliveries d join notifications n on n.id = d.notification_id join users u on u.id = n.user_id
                      where ${where} order by d.created_at desc, d.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
      db.execute(sql`select count(*)::int as n from deliveries d join notifications n on n.id = d.notification_id where ${where}`),
    ]);
    const pii = actor.permissions.has('pii.view');
    return {
      items: rows.rows.map((r: any) => ({
        ...r, address: r.channel === 'sms' && !pii ? maskPhone(r.address) : r.address,
        createdAt: new Date(r.createdAt).toISOString(), sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
      })),
      total: Number(count.rows[0].n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.post('/api/deliveries/:id/resend', {
    schema: { tags, summary: '重发失败或死信消息', params: ZIdParam, response: { 200: ZOk } },
    config: { access: { permission: 'notify.delivery.resend', scope: 'project' } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const [d]: any = (await tx.execute(sql`select d.id, d.status, n.project_id as "projectId" from deliveries d
          join notifications n on n.id = d.notification_id where d.id = ${req.params.id} and d.company_id = ${requireCompany(actor)} for update`)).rows;
      if (!d || (d.projectId && actor.projectIds !== 'all' && !actor.projectIds.includes(d.projectId))) throw notFound('发送记录');
      if (d.status !== 'dead' && d.status !== 'failed') throw conflict(`只有失败或死信的消息可以重发（当前：${d.status}）`);
      await tx.update(deliveries).set({ status: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: new Date() }).where(eq(deliveries.id, d.id));
      await record(tx, actor, 'notify.resent', { type: 'delivery', id: d.id, projectId: d.projectId }, { status: d.status }, { status: 'pending' });
      if (ctx.jobs) await ctx.jobs.send(deliverJob, {}, { tx });
    });
    return { ok: true as const };
  });

  app.post('/api/notifications/broadcast', {
    schema: { tags, summary: '向项目发送通知（站内 + 推送）', body: ZBroadcast, response: { 200: ZBroadcastResult } },
    config: { access: { permission: 'notify.broadcast', scope: 'project' } },
  }, async (req) => {
    const actor = actorOf(req);
    const companyId = requireCompany(actor);
    const b = req.body;
    await checkProject(db, actor, b.projectId);
    const data = { title: b.title, content: b.content, sender: actor.name };
    const recipients = await db.transaction(async (tx) => {
      let n: number;
      if (b.buildingId || b.roomIds) {
        if (b.buildingId) await checkBuilding(tx, companyId, b.projectId, b.buildingId);
        n = await ctx.notifier.notify(tx, 'system.broadcast', {
          companyId, projectId: b.projectId, residents: { projectId: b.projectId, buildingId: b.buildingId, roomIds: b.roomIds },
        }, data);
      } else if (b.role) {
        n = await ctx.notifier.notify(tx, 'system.broadcast', { companyId, projectId: b.projectId, role: { code: b.role, projectId: b.projectId } }, data);
      } else {
        n = await ctx.notifier.notify(tx, 'system.broadcast', {
          companyId, projectId: b.projectId, userIds: await projectMembers(tx, companyId, b.projectId), residents: { projectId: b.projectId },
        }, data);
      }
      await record(tx, actor, 'notify.broadcast', { type: 'project', id: b.projectId, projectId: b.projectId }, null, { ...b, recipients: n });
      return n;
    });
    return { recipients };
  });
}

async function checkBuilding(tx: any, companyId: string, projectId: string, buildingId: string) {
  const res: any = await tx.execute(sql`select 1 from buildings where company_id = ${companyId} and project_id = ${projectId} and id = ${buildingId}`);
  if (!res.rows.length) throw notFound('楼栋');
}

async function projectMembers(tx: any, companyId: string, projectId: string): Promise<string[]> {
  const res: any = await tx.execute(sql`select m.user_id as id from memberships m where m.company_id = ${companyId} and m.status = 'active'
    and m.kind = 'staff' and (m.all_projects or exists (select 1 from membership_projects mp where mp.membership_id = m.id and mp.project_id = ${projectId}))`);
  return res.rows.map((r: any) => r.id);
}
