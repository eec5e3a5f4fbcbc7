import { sql, type SQL } from 'drizzle-orm';
import { notificationEvents, type Channel, type Locale, type NotificationEvent } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { EventBus } from '../events/bus.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { loadTemplateOverrides, pickTemplate, render, type TemplateText } from './templates.ts';
import { deliverJob } from './deliver.job.ts';

/** Who gets a message: people by id, holders of a role (in a project), or residents of a project or rooms. */
export interface Recipients {
  companyId: string | null;
  projectId?: string | null;
  userIds?: string[];
  role?: { code: string; projectId?: string };
  residents?: { projectId: string; buildingId?: string; roomIds?: string[] };
}

const externalChannels: Channel[] = ['sms', 'wechat', 'email', 'webpush'];
/** NOTIFY payloads stay under 8 kB: user ids go out in chunks. */
const PUSH_CHUNK = 150;

export class Notifier {
  constructor(private events: EventBus, private jobs: () => Jobs | null) {}

  /**
   * Writes the messages (inbox rows) and their outbox deliveries in the caller's transaction,
   * set-based so a fan-out to a whole project is a few statements, then wakes the delivery worker.
   * Returns how many people were addressed.
   */
  async notify(tx: Executor, event: NotificationEvent, to: Recipients, data: Record<string, unknown>, opts?: { channels?: readonly Channel[] }): Promise<number> {
    const def = notificationEvents[event];
    const overrides = await loadTemplateOverrides(tx, to.companyId, event);
    const text = (locale: Locale): TemplateText => render(pickTemplate(overrides, event, 'inapp', locale), data);
    const zh = text('zh-CN');
    const en = text('en');
    // a caller may narrow the event's channels (a reminder rule sends in-app only, say), never widen them
    const channels = (def.channels as readonly Channel[]).filter((c) => !opts?.channels || opts.channels.includes(c));
    const inbox = channels.includes('inapp');
    const res: any = await tx.execute(sql`
      with r as (${recipientsSql(to)}),
      ins as (
        insert into notifications (id, company_id, project_id, user_id, event, title, body, data, inbox)
        select uuid_v7(), ${to.companyId}, ${to.projectId ?? null}, u.id, ${event},
               case when u.locale = 'en' then ${en.title} else ${zh.title} end,
               case when u.locale = 'en' then ${en.body} else ${zh.body} end,
               ${JSON.stringify(data)}::jsonb,
               ${inbox} and coalesce((select p.enabled from channel_prefs p where p.user_id = u.id and p.channel = 'inapp'), true)
          from users u join r on r.id = u.id
         where u.status = 'active'
        returning id, user_id
      )
      select id, user_id as "userId" from ins`);
    const rows: { id: string; userId: string }[] = res.rows;
    if (rows.length === 0) return 0;

    const wanted = externalChannels.filter((c) => channels.includes(c));
    if (wanted.length) {
      const ids = sql.param(rows.map((r) => r.id));
      await tx.execute(sql`
        insert into deliveries (id, company_id, notification_id, channel, address)
        select uuid_v7(), n.company_id, n.id, ch.channel, ch.address
          from notifications n
          join users u on u.id = n.user_id
          cross join lateral (values
            ('sms', u.phone), ('wechat', u.wechat_openid), ('email', u.email),
            ('webpush', case when exists (select 1 from push_subscriptions s where s.user_id = u.id) then u.id::text end)
          ) as ch(channel, address)
         where n.id = any(${ids}::uuid[])
           and ch.channel = any(${sql.param(wanted)}::text[])
           and ch.address is not null
           and coalesce((select p.enabled from channel_prefs p where p.user_id = u.id and p.channel = ch.channel), true)`);
      const jobs = this.jobs();
      if (jobs) await jobs.send(deliverJob, {}, { tx });
    }
    if (inbox) {
      const userIds = rows.map((r) => r.userId);
      for (let i = 0; i < userIds.length; i += PUSH_CHUNK) {
        await this.events.publish(tx, userIds.slice(i, i + PUSH_CHUNK), { type: 'inbox.new', data: { event } });
      }
    }
    return rows.length;
  }
}

function recipientsSql(to: Recipients): SQL {
  const parts: SQL[] = [];
  const member = to.companyId
    ? sql`exists (select 1 from memberships m where m.user_id = u.id and m.company_id = ${to.companyId} and m.status = 'active')`
    : sql`true`;
  if (to.userIds?.length) parts.push(sql`select u.id from users u where u.id = any(${sql.param(to.userIds)}::uuid[]) and ${member}`);
  if (to.role && to.companyId) {
    const project = to.role.projectId
      ? sql`and (m.all_projects or exists (select 1 from membership_projects mp where mp.membership_id = m.id and mp.project_id = ${to.role.projectId}))`
      : sql``;
    parts.push(sql`select m.user_id as id from memberships m join membership_roles mr on mr.membership_id = m.id
                   join roles r on r.id = mr.role_id
                   where m.company_id = ${to.companyId} and m.status = 'active' and r.code = ${to.role.code} ${project}`);
  }
  if (to.residents && to.companyId) {
    const rooms = to.residents.roomIds?.length ? sql`and rr.room_id = any(${sql.param(to.residents.roomIds)}::uuid[])` : sql``;
    const building = to.residents.buildingId
      ? sql`and exists (select 1 from rooms ro where ro.company_id = rr.company_id and ro.id = rr.room_id and ro.building_id = ${to.residents.buildingId})`
      : sql``;
    parts.push(sql`select m.user_id as id from memberships m join resident_rooms rr on rr.membership_id = m.id
                   where m.company_id = ${to.companyId} and m.status = 'active' and rr.status = 'active'
                     and rr.project_id = ${to.residents.projectId} ${rooms} ${building}`);
  }
  if (!parts.length) return sql`select null::uuid as id where false`;
  return sql.join(parts, sql` union `);
}
