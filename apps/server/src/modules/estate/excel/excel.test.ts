import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../../test/factories.ts';
import { multipart, readXlsx, validId, xlsx } from '../../../../test/xlsx.ts';
import { createStore } from '../../files/files.routes.ts';
import { run } from './import.service.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
let hq: string;
beforeAll(async () => {
  t = await startTestApp({ jobs: true });
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  hq = await login(t, ours.users.hq_admin!.phone);
});
afterAll(async () => t?.close());

const roomHeaders = ['楼栋编号*', '楼栋名称', '单元*', '楼层*', '房号*', '房间编码', '房屋类型*', '建筑面积*', '套内面积', '房屋状态', '交付日期', '业主姓名', '业主手机', '业主证件类型', '业主证件号码', '业主起始日期'];

async function upload(cookie: string, kind: string, data: Buffer, mode = 'all_or_nothing', projectId = ours.projectA) {
  const m = multipart(`${kind}.xlsx`, data);
  return t.app.inject({ method: 'POST', url: `/api/estate/imports?projectId=${projectId}&kind=${kind}&mode=${mode}`, payload: m.payload, headers: { ...m.headers, cookie } });
}
/**
 * Waits for the import job. On a loaded CI machine the pg-boss worker has once left an import
 * queued for over 20 s (not explained yet, see the issue note): then the test works it itself with
 * the job's own function, so the import's behaviour is still what is asserted, and says so.
 */
async function finished(cookie: string, id: string): Promise<any> {
  const view = async () => (await t.app.inject({ method: 'GET', url: `/api/estate/imports/${id}`, headers: { cookie } })).json();
  for (let i = 0; i < 80; i++) {
    const r = await view();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  console.warn(`[excel.test] import ${id} still queued after 20 s: running it directly`);
  await run(t.ctx, createStore(t.ctx), id);
  return view();
}
const count = async (q: ReturnType<typeof sql>) => Number(((await t.ctx.database.db.execute(q)) as any).rows[0].n);
const download = async (cookie: string, fileId: string) => (await t.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: { cookie } })).rawPayload;

/** 10 good rooms in building X1, plus three bad rows after row 5 */
function roomRows(building: string) {
  const good = Array.from({ length: 10 }, (_, i) => [building, null, '1', Math.floor(i / 5) + 1, (i % 5) + 1, null, '住宅', '89.50', '70.25', '入住', '2024-01-15',
    `业主${i}`, `1990000${String(i).padStart(4, '0')}`, i < 5 ? '居民身份证' : null, i < 5 ? validId(i) : null, null]);
  const bad = [
    [building, null, '1', 9, 1, null, '别墅', '89.50', null, null, null, null, null, null, null, null],          // not in the list
    [building, null, '1', 9, 2, null, '住宅', '-3', null, null, null, null, null, null, null, null],             // bad area
    [building, null, '1', 9, 3, null, '住宅', '80', null, null, null, '坏证件', null, '居民身份证', '110105198001010010', null], // wrong check digit
  ];
  return [...good.slice(0, 5), ...bad, ...good.slice(5)];
}

describe('estate Excel import', () => {
  it('serves templates with Chinese headers, drop-down lists and instructions', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/estate/import-templates/rooms', headers: { cookie: pm } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const { ws, rows } = await readXlsx(r.rawPayload);
    expect(rows[0]).toEqual(roomHeaders);
    const lists = (ws as any).dataValidations.model;
    for (const cell of ['G2', 'G5000']) expect(lists[cell]).toMatchObject({ type: 'list', formulae: ['"住宅,商铺,办公,车位,储藏室"'] });
    expect(lists.J2).toMatchObject({ type: 'list', formulae: ['"空置,入住,装修,出租"'] });
    expect(ws.workbook.worksheets.map((w) => w.name)).toEqual(['房屋', '填写说明']);
    const cashier = await login(t, ours.users.cashier!.phone);
    expect((await t.app.inject({ method: 'GET', url: '/api/estate/import-templates/rooms', headers: { cookie: cashier } })).statusCode).toBe(403);
  });

  it('refuses a file that is not xlsx, has wrong headers or no rows, with what is wrong, and stores nothing', async () => {
    const before = await count(sql`select count(*) as n from estate_imports where company_id = ${ours.companyId}`);
    const notXlsx = await upload(pm, 'rooms', Buffer.from('楼栋编号,单元\n1,1\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details).toEqual([{ path: 'body.file', message: 'not_xlsx' }]);
    const wrong = await upload(pm, 'rooms', await xlsx(['楼栋', '单元*', '面积'], [['1', '1', '80']]));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('缺少列：楼栋编号、楼层、房号、房屋类型、建筑面积');
    expect(wrong.json().error.message).toContain('无法识别的列：楼栋、面积');
    const empty = await upload(pm, 'rooms', await xlsx(roomHeaders, []));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ path: 'body.file', message: 'no_rows' }]);
    expect(await count(sql`select count(*) as n from estate_imports where company_id = ${ours.companyId}`)).toBe(before);
    expect((await upload(pm, 'rooms', await xlsx(roomHeaders, roomRows('Z')), 'all_or_nothing', ours.projectB)).statusCode).toBe(404);
  });

  it('all-or-nothing: three bad rows stop the import, nothing is written, the report flags exactly those rows', async () => {
    const r = await upload(pm, 'rooms', await xlsx(roomHeaders, roomRows('X1')));
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({ status: 'queued', totalRows: 13, kind: 'rooms' });
    const done = await finished(pm, r.json().id);
    expect(done).toMatchObject({ status: 'failed', errorRows: 3, importedRows: 0 });
    expect(done.message).toContain('3 行有错误');
    expect(await count(sql`select count(*) as n from rooms where company_id = ${ours.companyId} and code like 'X1-%'`)).toBe(0);
    expect(await count(sql`select count(*) as n from buildings where company_id = ${ours.companyId} and code = 'X1'`)).toBe(0);
    expect(await count(sql`select count(*) as n from persons where company_id = ${ours.companyId} and name like '业主%'`)).toBe(0);
    const { rows } = await readXlsx(await download(pm, done.reportFileId));
    expect(rows[0]!.at(-1)).toBe('错误说明');
    const flagged = rows.slice(1).map((row, i) => [i + 2, row[16] ?? '']).filter(([, e]) => e);
    expect(flagged).toEqual([
      [7, '房屋类型：不在下拉列表的可选值中'],
      [8, '建筑面积：面积应为正数，最多两位小数'],
      [9, '业主证件号码：身份证号码有误（校验位不符）'],
    ]);
  });

  it('valid rows: imports the good rows (building, unit, rooms, status history, owners with encrypted IDs) and reports the bad', async () => {
    const r = await upload(pm, 'rooms', await xlsx(roomHeaders, roomRows('X2')), 'valid_rows');
    const done = await finished(pm, r.json().id);
    expect(done).toMatchObject({ status: 'done', errorRows: 3, importedRows: 10, summary: { rooms: 10, buildings: 1, units: 1, persons: 10, owners: 10 } });
    expect(done.reportFileId).toBeTruthy();
    const list = (await t.app.inject({ method: 'GET', url: `/api/rooms?projectId=${ours.projectA}&q=X2-&pageSize=50`, headers: { cookie: pm } })).json();
    expect(list.total).toBe(10);
    expect(list.items[0]).toMatchObject({ code: 'X2-1-0101', buildingArea: '89.50', insideArea: '70.25', status: 'occupied' });
    expect(await count(sql`select count(*) as n from room_status_history h join rooms r on r.id = h.room_id
      where r.company_id = ${ours.companyId} and r.code like 'X2-%' and h.status = 'occupied' and h.valid_from = '2024-01-15' and h.valid_to is null`)).toBe(10);
    const plain: any = await t.ctx.database.db.execute(sql`select count(*) as n from persons where company_id = ${ours.companyId} and (id_no_enc like ${`%${validId(1)}%`} or phone_enc like '%19900000001%')`);
    expect(Number(plain.rows[0].n)).toBe(0);
    const byPhone = (await t.app.inject({ method: 'GET', url: `/api/rooms?phone=19900000003`, headers: { cookie: pm } })).json();
    expect(byPhone.items.map((x: any) => x.code)).toEqual(['X2-1-0104']);
    // importing the same rooms again: every code is now taken
    const again = await finished(pm, (await upload(pm, 'rooms', await xlsx(roomHeaders, roomRows('X2')), 'valid_rows')).json().id);
    expect(again).toMatchObject({ status: 'failed', errorRows: 13, importedRows: 0 });
    const audit: any = await t.ctx.database.db.execute(sql`select action from audit_log where company_id = ${ours.companyId} and action like 'estate.import%'`);
    expect(audit.rows.map((a: any) => a.action)).toEqual(expect.arrayContaining(['estate.import_started', 'estate.imported', 'estate.import_failed']));
  });

  it('residents: relations to existing rooms, shares up to 100 %, the same ID number is the same person', async () => {
    const headers = ['房间编码*', '姓名*', '手机号', '证件类型', '证件号码', '性别', '出生日期', '与房屋关系*', '产权份额(%)', '起始日期', '紧急联系人'];
    const r = await upload(pm, 'residents', await xlsx(headers, [
      ['X2-1-0201', '业主5', '19900000005', null, null, '男', null, '共有人', '30', '2024-02-01', null],  // co-owner on top of 100 % → over
      ['X2-1-0101', '租客甲', '19911110001', '居民身份证', validId(500), '女', '1990/5/6', '租户', null, '2024-03-01', '父亲 19911110002'],
      ['X2-1-0102', '租客甲', '19911110001', '居民身份证', validId(500), '女', null, '租户', null, null, null], // same person, second room
      ['X2-1-0103', '家属乙', null, null, null, null, null, '家庭成员', '10', null, null],                 // share for a non-owner
      ['NOPE-1', '某人', null, null, null, null, null, '租户', null, null, null],                           // unknown room
      ['X2-1-0101', '冒名', null, '居民身份证', validId(0), null, null, '租户', null, null, null],          // ID of 业主0 under another name
    ]), 'valid_rows');
    const done = await finished(pm, r.json().id);
    expect(done).toMatchObject({ status: 'done', importedRows: 2, errorRows: 4, summary: { residents: 2, persons: 1 } });
    const { rows } = await readXlsx(await download(pm, done.reportFileId));
    expect(rows.slice(1).map((x) => x[11] ?? '')).toEqual([
      expect.stringContaining('产权份额合计将超过 100%'), '', '', '产权份额(%)：仅业主 / 共有人填写产权份额', '房间编码：NOPE-1 在本项目中不存在',
      expect.stringContaining('已登记为「业主0」'),
    ]);
    const people: any = await t.ctx.database.db.execute(sql`select count(*) as n from persons where company_id = ${ours.companyId} and name = '租客甲'`);
    expect(Number(people.rows[0].n)).toBe(1);
  });

  it('parking and vehicles: codes and plates new in the project, references must exist', async () => {
    const p = await upload(pm, 'parking', await xlsx(['车位编号*', '面积', '车位类型*', '绑定房间编码'], [
      ['X-P001', '12.5', '产权', 'X2-1-0101'], ['X-P002', null, '租赁', null], ['X-P001', null, '临时', null], ['X-P003', null, '产权', 'NOPE'],
    ]), 'valid_rows');
    expect(await finished(pm, p.json().id)).toMatchObject({ status: 'done', importedRows: 2, errorRows: 2 });
    const v = await upload(pm, 'vehicles', await xlsx(['车牌号*', '车主姓名', '车主手机', '房间编码', '车位编号', '品牌', '颜色'], [
      ['粤B12345', '业主1', '19900000001', 'X2-1-0102', 'X-P001', '比亚迪', '白'], ['粤BD12345', '新车主', '19922220000', null, null, null, null],
      ['京A1234', null, null, null, null, null, null], ['粤B12345', null, null, null, null, null, null],
    ]), 'valid_rows');
    const done = await finished(pm, v.json().id);
    expect(done).toMatchObject({ status: 'done', importedRows: 2, errorRows: 2, summary: { vehicles: 2, persons: 1 } });
    const list = (await t.app.inject({ method: 'GET', url: `/api/vehicles?projectId=${ours.projectA}&plate=粤B`, headers: { cookie: pm } })).json();
    expect(list.items.map((x: any) => [x.plate, x.personName])).toEqual([['粤B12345', '业主1'], ['粤BD12345', '新车主']]);
  });
});

describe('estate Excel export', () => {
  it('exports the filtered rooms in the template layout, masked without pii.view, full with it, and audits both', async () => {
    const cs = await login(t, ours.users.customer_service!.phone); // estate.read without pii.view
    const r = await t.app.inject({ method: 'GET', url: `/api/estate/exports/rooms?projectId=${ours.projectA}&q=X2-1-01`, headers: { cookie: cs } });
    expect(r.statusCode).toBe(200);
    const { rows } = await readXlsx(r.rawPayload);
    expect(rows[0]).toEqual(roomHeaders);
    expect(rows.length).toBe(6);
    expect(rows[1]!.slice(0, 16)).toEqual(['X2', 'X2号楼', '1', '1', '1', 'X2-1-0101', '住宅', '89.50', '70.25', '入住', '2024-01-15', '业主0', '199****0000', '居民身份证', expect.stringMatching(/^1101\*+\d{3}[\dX]$/), '2024-01-15']);
    const full = (await readXlsx((await t.app.inject({ method: 'GET', url: `/api/estate/exports/rooms?projectId=${ours.projectA}&q=X2-1-0101`, headers: { cookie: hq } })).rawPayload)).rows;
    expect(full[1]![12]).toBe('19900000000');
    expect(full[1]![14]).toBe(validId(0));
    const audit: any = await t.ctx.database.db.execute(sql`select after from audit_log where company_id = ${ours.companyId} and action = 'estate.exported' order by created_at`);
    expect(audit.rows.map((a: any) => [a.after.rows, a.after.unmasked])).toEqual([[5, false], [1, true]]);
    for (const kind of ['residents', 'parking', 'vehicles']) {
      const x = await t.app.inject({ method: 'GET', url: `/api/estate/exports/${kind}?projectId=${ours.projectA}`, headers: { cookie: pm } });
      expect(x.statusCode).toBe(200);
      expect((await readXlsx(x.rawPayload)).rows.length).toBeGreaterThan(1);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/estate/exports/rooms?projectId=${ours.projectB}`, headers: { cookie: pm } })).statusCode).toBe(404);
  });
});
