import { sql, type SQL } from 'drizzle-orm';
import { formatArea } from '@wuye/shared';
import type { AppContext } from '../../../context.ts';
import { requireCompany, type Actor } from '../../../lib/actor.ts';
import { likeEscape } from '../../../lib/like.ts';
import { projectScope } from '../../../lib/scope-sql.ts';
import { record } from '../../audit/audit.service.ts';
import { checkProject } from '../../org/projects.service.ts';
import { rooms } from '../estate.table.ts';
import { cipherOf } from '../persons.service.ts';
import { roomFilter, type RoomFilter } from '../room-filter.ts';
import {
  genderChoices, idTypeChoices, labelOf, parkingTypeChoices, relationChoices, roomStatusChoices, roomTypeChoices, sheetSpecs, type EstateImportKind,
} from './sheet-spec.ts';
import { exportWorkbook } from './workbook.ts';

type Cell = string | number | null;
const area = (v: unknown) => (v == null ? null : formatArea(Number(v)));

/**
 * Exports a filtered list as the import template's sheet, so it can be corrected and imported
 * elsewhere. Phones and ID numbers leave in full only for holders of pii.view; every export is
 * audited with its filter, row count and whether personal data left unmasked.
 */
export async function exportList(ctx: AppContext, actor: Actor, kind: EstateImportKind, q: RoomFilter & { plate?: string }) {
  const companyId = requireCompany(actor);
  const db = ctx.database.db;
  if (q.projectId) await checkProject(db, actor, q.projectId);
  const inScope = (col: SQL) => sql`and ${projectScope(actor, col as any, q.projectId)}`;
  const cipher = cipherOf(ctx);
  const full = actor.permissions.has('pii.view');
  const phone = (enc: string | null, masked: string | null) => (full && enc ? cipher.decrypt(enc) : masked);
  const like = (col: SQL, v?: string) => (v ? sql`and ${col} like ${`%${likeEscape(v)}%`}` : sql``);
  let records: Cell[][];
  if (kind === 'rooms') {
    const res: any = await db.execute(sql`
      select b.code as b_code, b.name as b_name, u.code as u_code, rooms.floor, rooms.number, rooms.code, rooms.type, rooms.building_area, rooms.inside_area,
             rooms.status, rooms.delivery_date, o.name, o.phone_enc, o.phone_masked, o.id_type, o.id_no_enc, o.id_no_masked, o.valid_from
        from rooms join buildings b on b.id = rooms.building_id left join units u on u.id = rooms.unit_id
        left join lateral (select p.*, rr.valid_from from room_residents rr join persons p on p.id = rr.person_id
                            where rr.company_id = rooms.company_id and rr.room_id = rooms.id and rr.valid_to is null and rr.relation = 'owner'
                            order by rr.share_bp desc nulls last limit 1) o on true
       where ${roomFilter(ctx, actor, q)} order by ${rooms.code}`);
    records = res.rows.map((r: any) => [r.b_code, r.b_name, r.u_code, r.floor, r.number, r.code, labelOf(roomTypeChoices, r.type), area(r.building_area),
      area(r.inside_area), labelOf(roomStatusChoices, r.status), r.delivery_date, r.name, phone(r.phone_enc, r.phone_masked), labelOf(idTypeChoices, r.id_type),
      full && r.id_no_enc ? cipher.decrypt(r.id_no_enc) : r.id_no_masked, r.valid_from]);
  } else if (kind === 'residents') {
    const res: any = await db.execute(sql`
      select r.code, p.name, p.phone_enc, p.phone_masked, p.id_type, p.id_no_enc, p.id_no_masked, p.gender, p.birthday, rr.relation, rr.share_bp,
             rr.valid_from, p.emergency_contact
        from room_residents rr join rooms r on r.id = rr.room_id join persons p on p.id = rr.person_id
       where rr.company_id = ${companyId} ${inScope(sql`rr.project_id`)} and rr.valid_to is null ${like(sql`r.code`, q.q)}
       order by r.code, rr.relation, p.name`);
    records = res.rows.map((r: any) => [r.code, r.name, phone(r.phone_enc, r.phone_masked), labelOf(idTypeChoices, r.id_type),
      full && r.id_no_enc ? cipher.decrypt(r.id_no_enc) : r.id_no_masked, labelOf(genderChoices, r.gender), r.birthday, labelOf(relationChoices, r.relation),
      r.share_bp == null ? null : r.share_bp / 100, r.valid_from, r.emergency_contact]);
  } else if (kind === 'parking') {
    const res: any = await db.execute(sql`
      select s.code, s.area, s.type, r.code as room_code from parking_spaces s left join rooms r on r.id = s.room_id
       where s.company_id = ${companyId} ${inScope(sql`s.project_id`)} ${like(sql`s.code`, q.q)} order by s.code`);
    records = res.rows.map((r: any) => [r.code, area(r.area), labelOf(parkingTypeChoices, r.type), r.room_code]);
  } else {
    const res: any = await db.execute(sql`
      select v.plate, p.name, p.phone_enc, p.phone_masked, r.code as room_code, s.code as space_code, v.brand, v.color
        from vehicles v left join persons p on p.id = v.person_id left join rooms r on r.id = v.room_id left join parking_spaces s on s.id = v.parking_space_id
       where v.company_id = ${companyId} ${inScope(sql`v.project_id`)} ${like(sql`v.plate`, q.plate?.toUpperCase())} order by v.plate`);
    records = res.rows.map((r: any) => [r.plate, r.name, phone(r.phone_enc, r.phone_masked), r.room_code, r.space_code, r.brand, r.color]);
  }
  await db.transaction((tx) => record(tx, actor, 'estate.exported', { type: 'company', id: companyId, projectId: q.projectId ?? null }, null,
    { kind, filter: q, rows: records.length, unmasked: full }));
  return { data: await exportWorkbook(sheetSpecs[kind], records), rows: records.length };
}
