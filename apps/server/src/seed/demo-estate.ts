import { and, eq, sql } from 'drizzle-orm';
import { ZBuildingGenerate } from '@wuye/shared';
import type { Executor } from '../db/client.ts';
import { systemActor } from '../lib/actor.ts';
import { maskIdNumber, type PiiCipher } from '../lib/pii-crypto.ts';
import { maskPhone } from '../lib/pii.ts';
import { generate } from '../modules/estate/buildings.service.ts';
import { rooms } from '../modules/estate/estate.table.ts';

/** Deterministic pseudo-random numbers, so every demo has the same (fictional) people. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉鑫宇浩然子轩梓涵一诺欣怡雨桐思远博文晨曦嘉怡俊杰';

export function demoIdNumber(r: () => number): string {
  const region = ['110105', '310104', '440305', '330106', '510107'][Math.floor(r() * 5)]!;
  const y = 1950 + Math.floor(r() * 50), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
  const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * 阳光花园 (residential, 8 towers, 1,024 homes) and 金桂商务中心 (2 office towers, 960 units), with
 * owners for about 70 % of the rooms, some tenants, occupancy history, parking and vehicles.
 * All people are generated; phone numbers use the unassigned 199-00 range.
 */
export async function seedDemoEstate(tx: Executor, cipher: PiiCipher, companyId: string, projects: { home: string; office: string }) {
  const actor = systemActor(companyId, 'demo-seed');
  const tower = (code: string, name: string, extra: object) => ZBuildingGenerate.parse({ code, name, ...extra });
  for (let i = 1; i <= 8; i++) {
    await generate(tx, actor, projects.home, tower(String(i), `${i}号楼`, {
      units: 2, floors: 16, roomsPerFloor: 4,
      areas: [{ buildingArea: '89.50', insideArea: '72.30' }, { buildingArea: '126.80', insideArea: '101.20' }, { buildingArea: '126.80', insideArea: '101.20' }, { buildingArea: '89.50', insideArea: '72.30' }],
    }));
  }
  for (const [code, name] of [['A', 'A座'], ['B', 'B座']] as const) {
    await generate(tx, actor, projects.office, tower(code, name, { units: 1, floors: 24, roomsPerFloor: 20, type: 'office', areas: Array(20).fill({ buildingArea: '65.00' }) }));
  }
  const all = await tx.select({ id: rooms.id, projectId: rooms.projectId, code: rooms.code }).from(rooms).where(eq(rooms.companyId, companyId));
  const r = rng(20261124);
  const persons: { id: string; name: string; phone: string; idNo: string | null; room: (typeof all)[number]; relation: string }[] = [];
  let n = 0;
  for (const room of all) {
    if (room.code === '1-1-0101' || r() > 0.7) continue; // 1-1-0101 belongs to the demo resident account
    const name = surnames[Math.floor(r() * surnames.length)]! + given[Math.floor(r() * given.length)]! + (r() > 0.5 ? given[Math.floor(r() * given.length)]! : '');
    persons.push({ id: crypto.randomUUID(), name, phone: `19900${String(n++).padStart(6, '0')}`, idNo: r() > 0.5 ? demoIdNumber(r) : null, room, relation: 'owner' });
    if (r() < 0.12) {
      const t = surnames[Math.floor(r() * surnames.length)]! + given[Math.floor(r() * given.length)]!;
      persons.push({ id: crypto.randomUUID(), name: t, phone: `19900${String(n++).padStart(6, '0')}`, idNo: null, room, relation: 'tenant' });
    }
  }
  const col = <T>(f: (p: (typeof persons)[number]) => T) => sql.param(persons.map(f));
  await tx.execute(sql`
    insert into persons (id, company_id, name, phone_enc, phone_bidx, phone_masked, id_type, id_no_enc, id_no_bidx, id_no_masked)
    select id, ${companyId}, name, pe, pb, pm, case when ie is null then null else 'id_card' end, ie, ib, im
      from unnest(${col((p) => p.id)}::uuid[], ${col((p) => p.name)}::text[], ${col((p) => cipher.encrypt(p.phone))}::text[],
                  ${col((p) => cipher.blindIndex(p.phone))}::text[], ${col((p) => maskPhone(p.phone))}::text[],
                  ${col((p) => (p.idNo ? cipher.encrypt(p.idNo) : null))}::text[], ${col((p) => (p.idNo ? cipher.blindIndex(p.idNo) : null))}::text[],
                  ${col((p) => (p.idNo ? maskIdNumber(p.idNo) : null))}::text[]) as t(id, name, pe, pb, pm, ie, ib, im)`);
  await tx.execute(sql`
    insert into room_residents (id, company_id, project_id, room_id, person_id, relation, share_bp, valid_from)
    select uuid_v7(), ${companyId}, pr, rm, pid, rel, case when rel = 'owner' then 10000 end, '2024-01-01'
      from unnest(${col((p) => p.room.projectId)}::uuid[], ${col((p) => p.room.id)}::uuid[], ${col((p) => p.id)}::uuid[], ${col((p) => p.relation)}::text[])
           as t(pr, rm, pid, rel)`);
  // rooms with owners have been lived in since 2024; a few are being decorated now
  await tx.execute(sql`update room_status_history h set valid_from = '2023-06-01', valid_to = '2023-12-31'
    where h.company_id = ${companyId} and exists (select 1 from room_residents rr where rr.room_id = h.room_id)`);
  await tx.execute(sql`insert into room_status_history (id, company_id, room_id, status, valid_from)
    select uuid_v7(), ${companyId}, rr.room_id, case when rr.relation = 'tenant' then 'rented' when abs(hashtext(rr.room_id::text)) % 20 = 0 then 'decorating' else 'occupied' end, '2024-01-01'
      from (select distinct on (room_id) room_id, relation from room_residents where company_id = ${companyId} order by room_id, relation desc) rr`);
  await tx.execute(sql`update rooms r set status = h.status from room_status_history h
    where h.room_id = r.id and h.valid_to is null and r.company_id = ${companyId}`);
  // parking: 300 spaces in 阳光花园's garage, owners' spaces bound to their rooms, and their cars
  await tx.execute(sql`insert into parking_spaces (id, company_id, project_id, code, area, type)
    select uuid_v7(), ${companyId}, ${projects.home}, 'B1-' || lpad(i::text, 3, '0'), 1250, case when i <= 200 then 'owned' when i <= 280 then 'rented' else 'temporary' end
      from generate_series(1, 300) i`);
  const owners = persons.filter((p) => p.relation === 'owner' && p.room.projectId === projects.home).slice(0, 200);
  const provinces = '京沪粤浙苏川';
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const plates = owners.map((_, i) => `${provinces[i % provinces.length]}${letters[i % letters.length]}${i % 3 === 0 ? 'D' : ''}${String(10000 + i * 37).slice(-5)}`);
  await tx.execute(sql`
    insert into vehicles (id, company_id, project_id, plate, person_id, room_id)
    select uuid_v7(), ${companyId}, ${projects.home}, pl, pid, rm
      from unnest(${sql.param(plates)}::text[], ${sql.param(owners.map((p) => p.id))}::uuid[], ${sql.param(owners.map((p) => p.room.id))}::uuid[]) as t(pl, pid, rm)`);
  await tx.execute(sql`update parking_spaces ps set room_id = v.room_id from (
      select room_id, row_number() over (order by plate) as k from vehicles where company_id = ${companyId}) v
    where ps.company_id = ${companyId} and ps.code = 'B1-' || lpad(v.k::text, 3, '0')`);
  const [home] = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.companyId, companyId), eq(rooms.code, '1-1-0101')));
  return { homeRoomId: home!.id, sampleIdNumbers: persons.filter((p) => p.idNo).slice(0, 50).map((p) => p.idNo!) };
}
