import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSlaLimits } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { woCategories } from './workorders.table.ts';

type Limits = z.output<typeof ZSlaLimits>;
const h = (hours: number) => hours * 60;
/** response / completion limits a Chinese property company typically promises (紧急 30 分钟到场 …) */
const standard: Limits = {
  urgent: { responseMinutes: 30, completeMinutes: h(4) },
  high: { responseMinutes: h(1), completeMinutes: h(8) },
  normal: { responseMinutes: h(2), completeMinutes: h(24) },
  low: { responseMinutes: h(4), completeMinutes: h(72) },
};
const slow: Limits = {
  urgent: { responseMinutes: h(1), completeMinutes: h(8) },
  high: { responseMinutes: h(2), completeMinutes: h(24) },
  normal: { responseMinutes: h(4), completeMinutes: h(48) },
  low: { responseMinutes: h(8), completeMinutes: h(120) },
};

/** The categories a new company starts with; HQ edits them, adds fee items to make repairs chargeable. */
export const defaultCategories = [
  { code: 'plumbing', name: '给排水', skill: 'plumbing', sla: standard, clock: 'calendar' },
  { code: 'electrical', name: '电路电器', skill: 'electrical', sla: standard, clock: 'calendar' },
  { code: 'elevator', name: '电梯', skill: 'elevator', sla: { ...standard, normal: { responseMinutes: 30, completeMinutes: h(8) } }, clock: 'calendar', defaultPriority: 'high' },
  { code: 'door_lock', name: '门窗门禁', skill: 'door_lock', sla: standard, clock: 'calendar' },
  { code: 'cleaning', name: '保洁', skill: 'cleaning', sla: slow, clock: 'business' },
  { code: 'greening', name: '绿化', skill: 'greening', sla: slow, clock: 'business' },
  { code: 'security', name: '安防秩序', skill: 'security', sla: standard, clock: 'calendar' },
  { code: 'noise', name: '噪音扰民', skill: 'security', sla: standard, clock: 'calendar' },
  { code: 'public_facility', name: '公共设施', skill: null, sla: slow, clock: 'business' },
  { code: 'other', name: '其他', skill: null, sla: slow, clock: 'business', defaultPriority: 'low' },
] as const;

export async function insertDefaultCategories(tx: Executor, companyId: string) {
  await tx.insert(woCategories).values(defaultCategories.map((c, i) => ({
    companyId, code: c.code, name: c.name, skill: c.skill, sla: c.sla, clock: c.clock,
    defaultPriority: ('defaultPriority' in c ? c.defaultPriority : 'normal') as 'high' | 'low' | 'normal', sort: (i + 1) * 10,
  }))).onConflictDoNothing();
}

/** Companies created before work orders existed get the defaults at start-up (once: only while they have none). */
export async function ensureDefaultCategories(db: Executor) {
  const res: any = await db.execute(sql`select c.id from companies c where not exists (select 1 from wo_categories w where w.company_id = c.id)`);
  for (const r of res.rows as { id: string }[]) await insertDefaultCategories(db, r.id);
}
