import { eq, sql } from 'drizzle-orm';
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

/** The demo resident account's own household: they own 1-1-0101 and live there with one family member and a car. */
export interface DemoResident { userId: string; name: string; phone: string }
export const DEMO_HOME = '1-1-0101';

type Status = 'vacant' | 'occupied' | 'decorating' | 'rented';
const DELIVERED = '2023-06-01';
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 阳光花园 (residential, 8 towers, 1,024 homes) and 金桂商务中心 (2 office towers, 960 units), with
 * owners for about 70 % of the rooms, some tenants and family members, parking and vehicles.
 * The room status follows the people: delivered vacant in mid-2023, then occupied where the
 * owner lives (a few still decorating), rented where a tenant lives, vacant where nobody owns;
 * one status period per change, the last one open, and a move-in for whoever lives there.
 * All people are generated; phone numbers use the unassigned 199-00 range.
 */
export async function seedDemoEstate(tx: Executor, cipher: PiiCipher, companyId: string, projects: { home: string; office: string }, resident: DemoResident) {
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
  const persons: { id: string; name: string; phone: string; idNo: string | null; room: (typeof all)[number]; relation: string; userId?: string }[] = [];
  let n = 0;
  const phone = () => `19900${String(n++).padStart(6, '0')}`;
  const pick = (chars: string) => chars[Math.floor(r() * chars.length)]!;
  // a two-character given name half of the time; the draws keep their order, so the demo stays the same people
  const personName = (maybeLong: boolean) => pick(surnames) + pick(given) + (maybeLong && r() > 0.5 ? pick(given) : '');
  for (const room of all) {
    if (room.code === DEMO_HOME || r() > 0.7) continue;
    persons.push({ id: crypto.randomUUID(), name: personName(true), phone: phone(), idNo: r() > 0.5 ? demoIdNumber(r) : null, room, relation: 'owner' });
    if (r() < 0.12) persons.push({ id: crypto.randomUUID(), name: personName(false), phone: phone(), idNo: null, room, relation: 'tenant' });
  }
  const home = all.find((x) => x.code === DEMO_HOME && x.projectId === projects.home)!;
  const demoOwner = { id: crypto.randomUUID(), name: resident.name, phone: resident.phone, idNo: null, room: home, relation: 'owner', userId: resident.userId };
  persons.push(demoOwner, { id: crypto.randomUUID(), name: '吴小雨', phone: phone(), idNo: null, room: home, relation: 'family' });

  // who lives where decides the status: a tenant → rented; the owner → occupied (a few still decorating)
  const since = new Map<string, { status: Status; from: string }>();
  for (const p of persons) {
    const was = since.get(p.room.id);
    if (p.relation === 'tenant') since.set(p.room.id, { status: 'rented', from: was?.from ?? addDays('2024-01-01', Math.floor(r() * 540)) });
    else if (!was) since.set(p.room.id, { status: p.room.code !== DEMO_HOME && r() < 0.05 ? 'decorating' : 'occupied', from: addDays('2024-01-01', Math.floor(r() * 540)) });
  }
  since.set(home.id, { status: 'occupied', from: '2024-03-15' });
  // some owners who live in their home live with family
  const roomById = new Map(all.map((x) => [x.id, x]));
  for (const [roomId, s] of [...since]) {
    const room = roomById.get(roomId)!;
    if (s.status === 'occupied' && room.projectId === projects.home && room.id !== home.id && r() < 0.15) {
      persons.push({ id: crypto.randomUUID(), name: personName(true), phone: phone(), idNo: null, room, relation: 'family' });
    }
  }

  const col = <T>(f: (p: (typeof persons)[number]) => T) => sql.param(persons.map(f));
  await tx.execute(sql`
    insert into persons (id, company_id, name, phone_enc, phone_bidx, phone_masked, id_type, id_no_enc, id_no_bidx, id_no_masked, user_id)
    select id, ${companyId}, name, pe, pb, pm, case when ie is null then null else 'id_card' end, ie, ib, im, uid
      from unnest(${col((p) => p.id)}::uuid[], ${col((p) => p.name)}::text[], ${col((p) => cipher.encrypt(p.phone))}::text[],
                  ${col((p) => cipher.blindIndex(p.phone))}::text[], ${col((p) => maskPhone(p.phone))}::text[],
                  ${col((p) => (p.idNo ? cipher.encrypt(p.idNo) : null))}::text[], ${col((p) => (p.idNo ? cipher.blindIndex(p.idNo) : null))}::text[],
                  ${col((p) => (p.idNo ? maskIdNumber(p.idNo) : null))}::text[], ${col((p) => p.userId ?? null)}::uuid[]) as t(id, name, pe, pb, pm, ie, ib, im, uid)`);
  await tx.execute(sql`
    insert into room_residents (id, company_id, project_id, room_id, person_id, relation, share_bp, valid_from)
    select uuid_v7(), ${companyId}, pr, rm, pid, rel, case when rel = 'owner' then 10000 end, '2024-01-01'
      from unnest(${col((p) => p.room.projectId)}::uuid[], ${col((p) => p.room.id)}::uuid[], ${col((p) => p.id)}::uuid[], ${col((p) => p.relation)}::text[])
           as t(pr, rm, pid, rel)`);
  await seedStatusHistory(tx, companyId, since);

  // parking: 300 spaces in 阳光花园's garage; the first 200 (owned) belong to owners living there, with their cars
  await tx.execute(sql`insert into parking_spaces (id, company_id, project_id, code, area, type)
    select uuid_v7(), ${companyId}, ${projects.home}, 'B1-' || lpad(i::text, 3, '0'), 1250, case when i <= 200 then 'owned' when i <= 280 then 'rented' else 'temporary' end
      from generate_series(1, 300) i`);
  const living = persons.filter((p) => p.relation === 'owner' && p !== demoOwner && p.room.projectId === projects.home && since.get(p.room.id)?.status === 'occupied');
  const drivers = [demoOwner, ...living].slice(0, 200);
  const provinces = '京沪粤浙苏川';
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const brands = ['比亚迪', '大众', '丰田', '本田', '特斯拉', '吉利', '别克', '理想'];
  const colors = ['白色', '黑色', '银色', '灰色', '蓝色', '红色'];
  const plates = drivers.map((_, i) => `${provinces[i % provinces.length]}${letters[i % letters.length]}${i % 3 === 0 ? 'D' : ''}${String(10000 + i * 37).slice(-5)}`);
  await tx.execute(sql`
    insert into vehicles (id, company_id, project_id, plate, person_id, room_id, parking_space_id, brand, color)
    select uuid_v7(), ${companyId}, ${projects.home}, t.pl, t.pid, t.rm, ps.id, t.br, t.co
      from unnest(${sql.param(plates)}::text[], ${sql.param(drivers.map((p) => p.id))}::uuid[], ${sql.param(drivers.map((p) => p.room.id))}::uuid[],
                  ${sql.param(drivers.map((_, i) => brands[i % brands.length]!))}::text[], ${sql.param(drivers.map((_, i) => colors[(i * 5) % colors.length]!))}::text[])
           with ordinality as t(pl, pid, rm, br, co, k)
      join parking_spaces ps on ps.company_id = ${companyId} and ps.project_id = ${projects.home} and ps.code = 'B1-' || lpad(t.k::text, 3, '0')`);
  await tx.execute(sql`update parking_spaces ps set room_id = v.room_id from vehicles v
    where v.company_id = ${companyId} and ps.company_id = ${companyId} and ps.id = v.parking_space_id`);
  return { homeRoomId: home.id, sampleIdNumbers: persons.filter((p) => p.idNo).slice(0, 50).map((p) => p.idNo!) };
}

/**
 * Every room was delivered vacant on DELIVERED; a lived-in room's vacant period ends the day
 * before its status since, and its open period starts then (exactly one open period per room).
 * Whoever lives there moved in that day: owner and family when occupied, the tenant when rented.
 */
async function seedStatusHistory(tx: Executor, companyId: string, since: Map<string, { status: Status; from: string }>) {
  const rows = [...since];
  const ids = sql.param(rows.map(([id]) => id));
  await tx.execute(sql`update room_status_history set valid_from = ${DELIVERED} where company_id = ${companyId}`);
  await tx.execute(sql`update room_status_history h set valid_to = t.since - 1
      from unnest(${ids}::uuid[], ${sql.param(rows.map(([, s]) => s.from))}::date[]) as t(room_id, since)
     where h.company_id = ${companyId} and h.room_id = t.room_id`);
  await tx.execute(sql`insert into room_status_history (id, company_id, room_id, status, valid_from)
    select uuid_v7(), ${companyId}, t.room_id, t.status, t.since
      from unnest(${ids}::uuid[], ${sql.param(rows.map(([, s]) => s.status))}::text[], ${sql.param(rows.map(([, s]) => s.from))}::date[]) as t(room_id, status, since)`);
  await tx.execute(sql`update rooms r set status = h.status, delivery_date = ${DELIVERED} from room_status_history h
    where h.company_id = ${companyId} and h.room_id = r.id and h.valid_to is null and r.company_id = ${companyId}`);
  await tx.execute(sql`insert into room_moves (id, company_id, project_id, room_id, person_id, kind, date)
    select uuid_v7(), rr.company_id, rr.project_id, rr.room_id, rr.person_id, 'move_in', h.valid_from
      from room_residents rr join room_status_history h on h.company_id = rr.company_id and h.room_id = rr.room_id and h.valid_to is null
     where rr.company_id = ${companyId} and rr.valid_to is null
       and ((h.status = 'occupied' and rr.relation <> 'tenant') or (h.status = 'rented' and rr.relation = 'tenant'))`);
}
