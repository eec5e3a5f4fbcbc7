import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { idTypeValues, isValidChineseId, roomStatusValues, roomTypeValues, ZArea, ZPhone } from '@wuye/shared';
import { formatRoomCode } from '../room-code.ts';
import { bulkInsert } from './bulk.ts';
import { codeMap, type ImportEnv, type ImportPlan } from './import-env.ts';
import { PersonResolver } from './person-resolver.ts';
import { parseRow, RowErrors, rowObject, zCode, zDay, zInt, zText } from './row-parse.ts';
import { sheetSpecs } from './sheet-spec.ts';

const spec = sheetSpecs.rooms;

const ZRoomRow = z.object({
  buildingCode: zCode, buildingName: zText(64).optional(), unitCode: zCode,
  floor: zInt.refine((f) => f !== 0 && f >= -10 && f <= 200, 'invalid_floor'), number: zInt.refine((n) => n >= 1 && n <= 999, 'invalid_int'),
  code: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'invalid_place_code').optional(),
  type: z.enum(roomTypeValues), buildingArea: ZArea, insideArea: ZArea.optional(), status: z.enum(roomStatusValues).default('vacant'),
  deliveryDate: zDay.optional(), ownerName: zText(64).optional(), ownerPhone: ZPhone.optional(),
  ownerIdType: z.enum(idTypeValues).optional(), ownerIdNo: z.string().toUpperCase().min(4, 'too_long').max(32, 'too_long').optional(),
  ownerFrom: zDay.optional(),
}).superRefine((r, ctx) => {
  if (r.insideArea != null && r.insideArea > r.buildingArea) ctx.addIssue({ code: 'custom', path: ['insideArea'], message: 'inside_exceeds' });
  if (r.ownerIdNo && (r.ownerIdType ?? 'id_card') === 'id_card' && !isValidChineseId(r.ownerIdNo)) ctx.addIssue({ code: 'custom', path: ['ownerIdNo'], message: 'invalid_id_card' });
  if (!r.ownerName && (r.ownerPhone || r.ownerIdNo)) ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'required' });
});
type RoomRow = z.output<typeof ZRoomRow>;

/**
 * 房屋导入: rooms with their building and unit (created when new) and optionally the owner (产权
 * 100 %). Room codes come from the sheet or the project's pattern and must be new in the project.
 */
export async function planRooms(env: ImportEnv): Promise<ImportPlan> {
  const errors = new RowErrors();
  const parsed: (RoomRow & { roomCode: string })[] = [];
  const index: number[] = [];
  const existing = await codeMap(env.db, 'rooms', env.companyId, env.projectId);
  const firstLine = new Map<string, number>();
  env.rows.forEach((row, i) => {
    const r = parseRow(spec, ZRoomRow, rowObject(spec, env.keys, row));
    if (!r.ok) return errors.add(i, ...r.errors);
    const roomCode = r.value.code ?? formatRoomCode(env.roomCodePattern, { building: r.value.buildingCode, unit: r.value.unitCode, floor: r.value.floor, room: r.value.number });
    if (existing.has(roomCode)) return errors.add(i, `房间编码：${roomCode} 已存在`);
    const seen = firstLine.get(roomCode);
    if (seen) return errors.add(i, `房间编码：${roomCode} 与第 ${seen} 行重复`);
    firstLine.set(roomCode, row.line);
    parsed.push({ ...r.value, roomCode });
    index.push(i);
  });

  const owners = parsed.filter((r) => r.ownerName).map((r) => ({ name: r.ownerName!, phone: r.ownerPhone, idType: r.ownerIdType, idNo: r.ownerIdNo }));
  const people = await PersonResolver.load(env.db, env.cipher, env.companyId, owners);
  const good: (RoomRow & { roomCode: string; ownerId: string | null })[] = [];
  parsed.forEach((r, k) => {
    let ownerId: string | null = null;
    if (r.ownerName) {
      const p = people.resolve({ name: r.ownerName, phone: r.ownerPhone, idType: r.ownerIdType, idNo: r.ownerIdNo }, '业主');
      if ('error' in p) return errors.add(index[k]!, p.error);
      ownerId = p.id;
      people.use(ownerId);
    }
    good.push({ ...r, ownerId });
  });

  return {
    errors,
    async write(tx, progress) {
      const { companyId, projectId, today } = env;
      const b: any = await tx.execute(sql`select id, code from buildings where company_id = ${companyId} and project_id = ${projectId}`);
      const buildingId = new Map<string, string>(b.rows.map((x: any) => [x.code, x.id]));
      const newBuildings = [...new Map(good.filter((r) => !buildingId.has(r.buildingCode)).map((r) => [r.buildingCode, r])).values()]
        .map((r) => { const id = uuidv7(); buildingId.set(r.buildingCode, id); return [id, companyId, projectId, r.buildingCode, r.buildingName ?? `${r.buildingCode}号楼`]; });
      await bulkInsert(tx, 'buildings', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['code', 'text'], ['name', 'text']], newBuildings);
      const u: any = await tx.execute(sql`select id, building_id, code from units where company_id = ${companyId} and project_id = ${projectId}`);
      const unitId = new Map<string, string>(u.rows.map((x: any) => [`${x.building_id}/${x.code}`, x.id]));
      const newUnits: unknown[][] = [];
      for (const r of good) {
        const key = `${buildingId.get(r.buildingCode)}/${r.unitCode}`;
        if (unitId.has(key)) continue;
        const id = uuidv7();
        unitId.set(key, id);
        newUnits.push([id, companyId, projectId, buildingId.get(r.buildingCode), r.unitCode, `${r.unitCode}单元`]);
      }
      await bulkInsert(tx, 'units', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['building_id', 'uuid'], ['code', 'text'], ['name', 'text']], newUnits);
      const persons = await people.write(tx);

      const since = (d?: string) => (d && d < today ? d : today);
      const roomRows: unknown[][] = [];
      const statusRows: unknown[][] = [];
      const ownerRows: unknown[][] = [];
      for (const r of good) {
        const id = uuidv7();
        const bId = buildingId.get(r.buildingCode);
        roomRows.push([id, companyId, projectId, bId, unitId.get(`${bId}/${r.unitCode}`), r.floor, r.number, r.roomCode, r.type, r.buildingArea, r.insideArea ?? null, r.status, r.deliveryDate ?? null]);
        statusRows.push([uuidv7(), companyId, id, r.status, since(r.deliveryDate)]);
        if (r.ownerId) ownerRows.push([uuidv7(), companyId, projectId, id, r.ownerId, 'owner', 10000, since(r.ownerFrom ?? r.deliveryDate)]);
      }
      await bulkInsert(tx, 'rooms', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['building_id', 'uuid'], ['unit_id', 'uuid'], ['floor', 'int'],
        ['number', 'int'], ['code', 'text'], ['type', 'text'], ['building_area', 'bigint'], ['inside_area', 'bigint'], ['status', 'text'], ['delivery_date', 'date']], roomRows, progress);
      await bulkInsert(tx, 'room_status_history', [['id', 'uuid'], ['company_id', 'uuid'], ['room_id', 'uuid'], ['status', 'text'], ['valid_from', 'date']], statusRows);
      await bulkInsert(tx, 'room_residents', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['room_id', 'uuid'], ['person_id', 'uuid'],
        ['relation', 'text'], ['share_bp', 'int'], ['valid_from', 'date']], ownerRows);
      return { rooms: roomRows.length, buildings: newBuildings.length, units: newUnits.length, persons, owners: ownerRows.length };
    },
  };
}
