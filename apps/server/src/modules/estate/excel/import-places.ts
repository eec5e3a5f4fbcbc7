import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { parkingTypeValues, ZArea, ZPhone, ZPlate } from '@wuye/shared';
import { bulkInsert } from './bulk.ts';
import { codeMap, type ImportEnv, type ImportPlan } from './import-env.ts';
import { PersonResolver } from './person-resolver.ts';
import { parseRow, RowErrors, rowObject, zText } from './row-parse.ts';
import { sheetSpecs } from './sheet-spec.ts';

const zPlaceCode = z.string().regex(/^[A-Za-z0-9\u4e00-\u9fa5-]{1,32}$/, 'invalid_place_code');

const ZParkingRow = z.object({ code: zPlaceCode, area: ZArea.optional(), type: z.enum(parkingTypeValues), roomCode: zText(32).optional() });

/** 车位导入: codes new in the project; a bound room must exist in it. */
export async function planParking(env: ImportEnv): Promise<ImportPlan> {
  const spec = sheetSpecs.parking;
  const errors = new RowErrors();
  const [rooms, spaces] = await Promise.all([codeMap(env.db, 'rooms', env.companyId, env.projectId), codeMap(env.db, 'parking_spaces', env.companyId, env.projectId)]);
  const seen = new Map<string, number>();
  const rows: unknown[][] = [];
  env.rows.forEach((row, i) => {
    const r = parseRow(spec, ZParkingRow, rowObject(spec, env.keys, row));
    if (!r.ok) return errors.add(i, ...r.errors);
    const v = r.value;
    if (spaces.has(v.code)) return errors.add(i, `车位编号：${v.code} 已存在`);
    if (seen.has(v.code)) return errors.add(i, `车位编号：${v.code} 与第 ${seen.get(v.code)} 行重复`);
    const roomId = v.roomCode ? rooms.get(v.roomCode) : null;
    if (v.roomCode && !roomId) return errors.add(i, `绑定房间编码：${v.roomCode} 在本项目中不存在`);
    seen.set(v.code, row.line);
    rows.push([uuidv7(), env.companyId, env.projectId, v.code, v.area ?? null, v.type, roomId]);
  });
  return {
    errors,
    async write(tx, progress) {
      await bulkInsert(tx, 'parking_spaces', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['code', 'text'], ['area', 'bigint'], ['type', 'text'], ['room_id', 'uuid']], rows, progress);
      return { parking: rows.length };
    },
  };
}

const ZVehicleRow = z.object({
  plate: ZPlate, ownerName: zText(64).optional(), ownerPhone: ZPhone.optional(), roomCode: zText(32).optional(), parkingCode: zText(32).optional(),
  brand: zText(32).optional(), color: zText(16).optional(),
}).superRefine((r, ctx) => { if (r.ownerPhone && !r.ownerName) ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'required' }); });

/** 车辆导入: plates new in the project; owner matched to the archive by name + phone (or registered). */
export async function planVehicles(env: ImportEnv): Promise<ImportPlan> {
  const spec = sheetSpecs.vehicles;
  const errors = new RowErrors();
  const [rooms, spaces] = await Promise.all([codeMap(env.db, 'rooms', env.companyId, env.projectId), codeMap(env.db, 'parking_spaces', env.companyId, env.projectId)]);
  const taken: any = await env.db.execute(sql`select plate from vehicles where company_id = ${env.companyId} and project_id = ${env.projectId}`);
  const plates = new Map<string, number>(taken.rows.map((r: any) => [r.plate, 0]));
  const parsed = env.rows.map((row, i) => {
    const r = parseRow(spec, ZVehicleRow, rowObject(spec, env.keys, row));
    if (!r.ok) { errors.add(i, ...r.errors); return null; }
    const v = r.value;
    const line = plates.get(v.plate);
    if (line !== undefined) { errors.add(i, line ? `车牌号：${v.plate} 与第 ${line} 行重复` : `车牌号：${v.plate} 已登记`); return null; }
    const roomId = v.roomCode ? rooms.get(v.roomCode) : null;
    if (v.roomCode && !roomId) { errors.add(i, `房间编码：${v.roomCode} 在本项目中不存在`); return null; }
    const spaceId = v.parkingCode ? spaces.get(v.parkingCode) : null;
    if (v.parkingCode && !spaceId) { errors.add(i, `车位编号：${v.parkingCode} 在本项目中不存在`); return null; }
    plates.set(v.plate, row.line);
    return { ...v, roomId, spaceId };
  });
  const owners = parsed.filter((v) => v?.ownerName).map((v) => ({ name: v!.ownerName!, phone: v!.ownerPhone }));
  const people = await PersonResolver.load(env.db, env.cipher, env.companyId, owners);
  const rows: unknown[][] = [];
  parsed.forEach((v, i) => {
    if (!v) return;
    let personId: string | null = null;
    if (v.ownerName) {
      const p = people.resolve({ name: v.ownerName, phone: v.ownerPhone }, '车主');
      if ('error' in p) return errors.add(i, p.error);
      personId = p.id;
      people.use(personId);
    }
    rows.push([uuidv7(), env.companyId, env.projectId, v.plate, personId, v.roomId, v.spaceId, v.brand ?? null, v.color ?? null]);
  });
  return {
    errors,
    async write(tx, progress) {
      const persons = await people.write(tx);
      await bulkInsert(tx, 'vehicles', [['id', 'uuid'], ['company_id', 'uuid'], ['project_id', 'uuid'], ['plate', 'text'], ['person_id', 'uuid'], ['room_id', 'uuid'],
        ['parking_space_id', 'uuid'], ['brand', 'text'], ['color', 'text']], rows, progress);
      return { vehicles: rows.length, persons };
    },
  };
}
