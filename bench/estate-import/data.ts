import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { hashPassword } from '../../apps/server/src/lib/passwords.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';
import { projects } from '../../apps/server/src/modules/org/org.table.ts';

const rowsOf = (r: any) => r.rows as any[];

/** A company with two projects (the import's and the baseline's) and a project manager who may import into both. */
export async function generateCompany(db: AppDb) {
  const company = await createCompanyWithRoles(db, { code: 'BENCH', name: '压测物业' });
  const [p1, p2] = await db.insert(projects).values([
    { companyId: company.id, code: 'IMP', name: '导入花园' }, { companyId: company.id, code: 'BASE', name: '基线花园' },
  ]).returning();
  const [role] = rowsOf(await db.execute(sql`select id from roles where company_id = ${company.id} and code = 'project_manager'`));
  const password = `Bench#${randomBytes(9).toString('base64url')}`;
  const userId = uuidv7();
  const membershipId = uuidv7();
  await db.execute(sql`insert into users (id, username, phone, name, password_hash) values (${userId}, 'bench_pm', '13800000000', '导入项目经理', ${await hashPassword(password)})`);
  await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name) values (${membershipId}, ${company.id}, ${userId}, 'staff', '导入项目经理')`);
  await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) values (${company.id}, ${membershipId}, ${role.id})`);
  await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id) values (${company.id}, ${membershipId}, ${p1!.id}), (${company.id}, ${membershipId}, ${p2!.id})`);
  return { companyId: company.id, importProject: p1!.id, baselineProject: p2!.id, login: 'bench_pm', password };
}

/** 18-digit resident ID with its check character, unique per n */
function idNumber(n: number) {
  const day = new Date(Date.UTC(1960, 0, 1) + (n % 14_600) * 86_400_000);
  const body = `110105${day.toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(n / 14_600)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[weights.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11];
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚';

export interface Layout { buildings: number; units: number; floors: number; perFloor: number }
export const roomCount = (l: Layout) => l.buildings * l.units * l.floors * l.perFloor;

/** The rooms template filled in: every room with its owner (name, phone, resident ID), as a property company hands it over. */
export async function roomsWorkbook(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋');
  ws.addRow(['楼栋编号*', '楼栋名称', '单元*', '楼层*', '房号*', '房间编码', '房屋类型*', '建筑面积*', '套内面积', '房屋状态', '交付日期', '业主姓名', '业主手机', '业主证件类型', '业主证件号码', '业主起始日期']);
  let n = 0;
  for (let b = 1; b <= l.buildings; b++) for (let u = 1; u <= l.units; u++) for (let f = 1; f <= l.floors; f++) for (let r = 1; r <= l.perFloor; r++) {
    const name = surnames[n % surnames.length]! + given[Math.floor(n / surnames.length) % given.length]! + given[(n * 7) % given.length]!;
    ws.addRow([`B${b}`, null, String(u), f, r, null, '住宅', (80 + (r % 5) * 10.25).toFixed(2), (65 + (r % 5) * 8.5).toFixed(2), n % 4 ? '入住' : '空置', '2020-06-30',
      name, `199${String(n).padStart(8, '0')}`, '居民身份证', idNumber(n), '2020-07-01']);
    n++;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The floor: the same rows (buildings, units, rooms, status periods, people, owner relations) written
 * by bare set-based SQL in one transaction — no file, no validation, no encryption in Node.
 */
export async function baselineInsert(db: AppDb, companyId: string, projectId: string, l: Layout) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into buildings (id, company_id, project_id, code, name)
      select uuid_v7(), ${companyId}, ${projectId}, 'B' || b, 'B' || b || '号楼' from generate_series(1, ${l.buildings}) b`);
    await tx.execute(sql`insert into units (id, company_id, project_id, building_id, code, name)
      select uuid_v7(), ${companyId}, ${projectId}, b.id, u::text, u || '单元' from buildings b, generate_series(1, ${l.units}) u where b.project_id = ${projectId}`);
    await tx.execute(sql`insert into rooms (id, company_id, project_id, building_id, unit_id, floor, number, code, type, building_area, inside_area, status, delivery_date)
      select uuid_v7(), ${companyId}, ${projectId}, u.building_id, u.id, f, r, b.code || '-' || u.code || '-' || lpad(f::text, 2, '0') || lpad(r::text, 2, '0'),
             'residential', 8000 + (r % 5) * 1025, 6500 + (r % 5) * 850, 'occupied', '2020-06-30'
        from units u join buildings b on b.id = u.building_id, generate_series(1, ${l.floors}) f, generate_series(1, ${l.perFloor}) r where u.project_id = ${projectId}`);
    await tx.execute(sql`insert into room_status_history (id, company_id, room_id, status, valid_from)
      select uuid_v7(), company_id, id, status, '2020-06-30' from rooms where project_id = ${projectId}`);
    await tx.execute(sql`insert into persons (id, company_id, name, phone_enc, phone_bidx, phone_masked, id_type, id_no_enc, id_no_bidx, id_no_masked)
      select uuid_v7(), ${companyId}, 'P' || r.code, md5(r.id::text), md5(r.code), '199****0000', 'id_card', md5(r.code || 'x'), md5(r.id::text || 'i'), '1101**********0000'
        from rooms r where r.project_id = ${projectId}`);
    await tx.execute(sql`insert into room_residents (id, company_id, project_id, room_id, person_id, relation, share_bp, valid_from)
      select uuid_v7(), ${companyId}, ${projectId}, r.id, p.id, 'owner', 10000, '2020-07-01'
        from rooms r join persons p on p.company_id = r.company_id and p.name = 'P' || r.code where r.project_id = ${projectId}`);
  });
}
