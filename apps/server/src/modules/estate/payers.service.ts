import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { payerCategoryValues, type FeeCategory, type ZPayerSet } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { conflict } from '../../lib/errors.ts';
import { businessNow, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { roomPayers } from './payers.table.ts';
import { getRoom, lockRoom } from './rooms.service.ts';

type Rule = typeof roomPayers.$inferSelect;
const inForce = (r: Rule, day: string) => r.validFrom <= day && (r.validTo === null || r.validTo >= day);

/** Every category's payer today (its rule, else the room's default '*', else the owner) and all rules. */
export async function listPayers(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rules = await db.select().from(roomPayers).where(and(eq(roomPayers.companyId, room.companyId), eq(roomPayers.roomId, roomId)))
    .orderBy(asc(roomPayers.feeCategory), asc(roomPayers.validFrom));
  const today = businessNow().format('YYYY-MM-DD');
  const find = (category: string) => rules.find((r) => r.feeCategory === category && inForce(r, today));
  const fallback = find('*');
  return {
    current: payerCategoryValues.map((category) => {
      const own = find(category);
      if (own) return { category, payer: own.payer, source: 'rule' as const, validFrom: own.validFrom };
      if (fallback && category !== '*') return { category, payer: fallback.payer, source: 'default' as const, validFrom: fallback.validFrom };
      return { category, payer: 'owner' as const, source: 'fallback' as const, validFrom: null };
    }),
    history: rules.map((r) => ({ category: r.feeCategory, payer: r.payer, validFrom: r.validFrom, validTo: r.validTo })),
  };
}

/**
 * Sets who pays a category from a date (future dates allowed: "the tenant pays from next month"):
 * the open rule ends the day before, or is replaced when it starts that same day. A tenant rule
 * needs a tenant on that date.
 */
export async function setPayer(db: Executor, actor: Actor, roomId: string, input: z.output<typeof ZPayerSet>) {
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, roomId);
    if (input.payer === 'tenant') {
      const res: any = await tx.execute(sql`select 1 from room_residents where company_id = ${room.companyId} and room_id = ${roomId}
        and relation = 'tenant' and valid_from <= ${input.from} and (valid_to is null or valid_to >= ${input.from}) limit 1`);
      if (!res.rows.length) throw conflict(`${input.from} 房间没有租户，不能设为租户付费`, [{ path: 'body.payer', message: 'no_tenant_on_date' }]);
    }
    const [open] = await tx.select().from(roomPayers).where(and(
      eq(roomPayers.companyId, room.companyId), eq(roomPayers.roomId, roomId), eq(roomPayers.feeCategory, input.category), sql`${roomPayers.validTo} is null`,
    ));
    if (open && input.from < open.validFrom) throw conflict(`生效日期早于当前规则的开始日期（${open.validFrom}）`, [{ path: 'body.from', message: 'before_current_rule' }]);
    if (open && open.payer === input.payer) throw conflict(`已是该付费人（自 ${open.validFrom} 起）`);
    if (open && input.from === open.validFrom) {
      await tx.update(roomPayers).set({ payer: input.payer, createdBy: actor.userId, version: sql`${roomPayers.version} + 1` }).where(eq(roomPayers.id, open.id));
    } else {
      if (open) {
        await tx.update(roomPayers).set({ validTo: dayjs(input.from).subtract(1, 'day').format('YYYY-MM-DD'), version: sql`${roomPayers.version} + 1` })
          .where(eq(roomPayers.id, open.id));
      }
      await tx.insert(roomPayers).values({
        companyId: room.companyId, projectId: room.projectId, roomId, feeCategory: input.category, payer: input.payer, validFrom: input.from, createdBy: actor.userId,
      });
    }
    await record(tx, actor, 'estate.payer_set', { type: 'room', id: roomId, projectId: room.projectId },
      open ? { category: open.feeCategory, payer: open.payer, validFrom: open.validFrom } : null, input);
    return listPayers(tx, actor, roomId);
  });
}

export interface RoomPayer {
  /** who is billed: the tenant(s), or the owner(s) */
  payer: 'owner' | 'tenant';
  /** what the rules said; 'tenant' with payer 'owner' = no tenant that day, the owners answer */
  rulePayer: 'owner' | 'tenant';
  source: 'category' | 'default' | 'fallback';
  /** owners with their shares in basis points; tenants with null. Empty: nobody on record that day */
  persons: { personId: string; shareBp: number | null }[];
}

/**
 * Who pays `category` for each room on `date`, in one set-based query however many rooms: the
 * category's rule in force, else the room's default ('*'), else the owner; a tenant rule with no
 * tenant that day falls back to the owners (who answer for the fees). Rooms not of the company are
 * left out of the map.
 */
export async function payerOn(tx: Executor, companyId: string, roomIds: string[], category: FeeCategory | '*', date: string): Promise<Map<string, RoomPayer>> {
  if (!roomIds.length) return new Map();
  const res: any = await tx.execute(sql`
    with r as (select id as room_id from rooms where company_id = ${companyId} and id = any(${sql.param(roomIds)}::uuid[])),
    rel as (
      select rr.room_id, rr.person_id, rr.relation, rr.share_bp from room_residents rr join r on r.room_id = rr.room_id
       where rr.company_id = ${companyId} and rr.relation in ('owner', 'co_owner', 'tenant')
         and rr.valid_from <= ${date} and (rr.valid_to is null or rr.valid_to >= ${date})),
    rule as (
      select r.room_id, coalesce(c.payer, d.payer, 'owner') as rule_payer,
             case when c.payer is not null then 'category' when d.payer is not null then 'default' else 'fallback' end as source
        from r
        left join room_payers c on c.company_id = ${companyId} and c.room_id = r.room_id and c.fee_category = ${category}
                               and c.valid_from <= ${date} and (c.valid_to is null or c.valid_to >= ${date})
        left join room_payers d on d.company_id = ${companyId} and d.room_id = r.room_id and d.fee_category = '*'
                               and d.valid_from <= ${date} and (d.valid_to is null or d.valid_to >= ${date})),
    eff as (
      select rule.*, case when rule.rule_payer = 'tenant'
                           and exists (select 1 from rel where rel.room_id = rule.room_id and rel.relation = 'tenant') then 'tenant' else 'owner' end as payer
        from rule)
    select eff.room_id, eff.payer, eff.rule_payer, eff.source, rel.person_id, rel.share_bp
      from eff left join rel on rel.room_id = eff.room_id
       and (case when eff.payer = 'tenant' then rel.relation = 'tenant' else rel.relation in ('owner', 'co_owner') end)
     order by eff.room_id, rel.share_bp desc nulls last, rel.person_id`);
  const out = new Map<string, RoomPayer>();
  for (const row of res.rows as { room_id: string; payer: RoomPayer['payer']; rule_payer: RoomPayer['rulePayer']; source: RoomPayer['source']; person_id: string | null; share_bp: number | null }[]) {
    let p = out.get(row.room_id);
    if (!p) out.set(row.room_id, (p = { payer: row.payer, rulePayer: row.rule_payer, source: row.source, persons: [] }));
    if (row.person_id) p.persons.push({ personId: row.person_id, shareBp: row.share_bp === null ? null : Number(row.share_bp) });
  }
  return out;
}
