import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { idTypeValues, isValidChineseId, residentRelationValues, ZPhone } from '@wuye/shared';
import { bulkInsert } from './bulk.ts';
import { codeMap, type ImportEnv, type ImportPlan } from './import-env.ts';
import { PersonResolver } from './person-resolver.ts';
import { parseRow, RowErrors, rowObject, zDay, zShare, zText } from './row-parse.ts';
import { sheetSpecs } from './sheet-spec.ts';

const spec = sheetSpecs.residents;
const isOwner = (r: string) => r === 'owner' || r === 'co_owner';

const ZResidentRow = z.object({
  roomCode: zText(32), name: zText(64), phone: ZPhone.optional(), idType: z.enum(idTypeValues).optional(),
  idNo: z.string().toUpperCase().min(4, 'too_long').max(32, 'too_long').optional(),
  gender: z.enum(['male', 'female', 'unknown']).optional(), birthday: zDay.optional(), relation: z.enum(residentRelationValues),
  share: zShare.optional(), validFrom: zDay.optional(), emergencyContact: zText(100).optional(),
}).superRefine((r, ctx) => {
  if (r.idNo && (r.idType ?? 'id_card') === 'id_card' && !isValidChineseId(r.idNo)) ctx.addIssue({ code: 'custom', path: ['idNo'], message: 'invalid_id_card' });
  if (isOwner(r.relation) && r.share === undefined) ctx.addIssue({ code: 'custom', path: ['share'], message: 'required' });
  if (!isOwner(r.relation) && r.share !== undefined) ctx.addIssue({ code: 'custom', path: ['share'], message: 'share_only_owners' });
});

/**
 * 住户导入: people related to existing rooms as owner / co-owner / tenant / family from a date.
 * Ownership shares per room (those in force plus the file's) may not pass 100 %; a person holds
 * one current relation per room.
 */
export async function planResidents(env: ImportEnv): Promise<ImportPlan> {
  const errors = new RowErrors();
  const rooms = await codeMap(env.db, 'rooms', env.companyId, env.projectId);
  const open: any = await env.db.execute(sql`select room_id, person_id, relation, share_bp from room_residents
     where company_id = ${env.companyId} and project_id = ${env.projectId} and valid_to is null`);
  const shares = new Map<string, number>();
  const related = new Set<string>();
  for (const o of open.rows) {
    related.add(`${o.room_id}/${o.person_id}`);
    if (isOwner(o.relation)) shares.set(o.room_id, (shares.get(o.room_id) ?? 0) + Number(o.share_bp ?? 0));
  }
  const parsed = env.rows.map((row, i) => {
    const r = parseRow(spec, ZResidentRow, rowObject(spec, env.keys, row));
    if (!r.ok) { errors.add(i, ...r.errors); return null; }
    const roomId = rooms.get(r.value.roomCode);
    if (!roomId) { errors.add(i, `房间编码：${r.value.roomCode} 在本项目中不存在`); return null; }
    if (r.value.validFrom && r.value.validFrom > env.today) { errors.add(i, '起始日期：日期不能晚于今天'); return null; }
    return { ...r.value, roomId };
  });
  const people = await PersonResolver.load(env.db, env.cipher, env.companyId, parsed.filter((p) => p !== null));
  const rows: unknown[][] = [];
  parsed.forEach((r, i) => {
    if (!r) return;
    if (r.share !== undefined) {
      const held = shares.get(r.roomId) ?? 0;
      if (held + r.share > 10000) return errors.add(i, `产权份额(%)：房屋 ${r.roomCode} 的产权份额合计将超过 100%（已有 ${held / 100}%）`);
    }
    const p = people.resolve(r, '');
    if ('error' in p) return errors.add(i, p.error);
    const key = `${r.roomId}/${p.id}`;
    if (related.has(key)) return errors.add(i, `姓名：${r.name} 已与房屋 ${r.roomCode} 关联`);
    related.add(key);
    if (r.share !== undefined) shares.set(r.roomId, (shares.get(r.roomId) ?? 0) + r.share);
    people.use(p.id);
    rows.push([uuidv7(), env.companyId, env.projectId, r.roomId, p.id, r.relation, r.share ?? null, r.validFrom ?? env.today]);
  });
  return {
    errors,
    async write(tx, progress) {
      const persons = await people.write(tx);
      await bulkInsert(tx, 'room_residents', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['room_id', 'uuid'], ['person_id', 'uuid'],
        ['relation', 'text'], ['share_bp', 'int'], ['valid_from', 'date']], rows, progress);
      return { residents: rows.length, persons };
    },
  };
}
