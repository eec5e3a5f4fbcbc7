import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { multipart, readXlsxBook, xlsx, xlsxBook } from '../../../test/xlsx.ts';
import { businessNow } from '../../lib/time.ts';
import { buildings, rooms } from '../estate/estate.table.ts';
import { createStore } from '../files/files.routes.ts';
import { run } from '../estate/excel/import.service.ts';
import { feeItems } from './billing.table.ts';
import { billLines, bills, ledgerEntries } from './ledger.table.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
let hq: string;
const room: Record<string, string> = {};
const item: Record<string, string> = {};
const today = () => businessNow().format('YYYY-MM-DD');

beforeAll(async () => {
  t = await startTestApp({ jobs: true });
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  hq = await login(t, ours.users.hq_admin!.phone);
  const db = t.ctx.database.db;
  for (const [projectId, prefix] of [[ours.projectA, 'A'], [ours.projectB, 'B']] as const) {
    const [b] = await db.insert(buildings).values({ companyId: ours.companyId, projectId, code: prefix, name: `${prefix}栋` }).returning();
    for (const n of [1, 2, 3, 4]) {
      const [r] = await db.insert(rooms).values({ companyId: ours.companyId, projectId, buildingId: b!.id, floor: 1, number: n, code: `${prefix}-1-010${n}`, buildingArea: 8000 }).returning();
      room[`${prefix}${n}`] = r!.id;
    }
  }
  const mk = async (code: string, category: 'periodic' | 'metered' | 'one_off' | 'deposit', status: 'active' | 'archived' = 'active') => {
    const [f] = await db.insert(feeItems).values({
      companyId: ours.companyId, code, name: `${code}项目`, category, feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', status,
    }).returning();
    item[code] = f!.id;
  };
  await mk('WYF', 'periodic');
  await mk('SF', 'metered');
  await mk('ZX', 'one_off');
  await mk('YJ', 'deposit');
  await mk('OLD', 'periodic', 'archived');
  // a bill run already billed A3's property fee for March 2024
  const [bill] = await db.insert(bills).values({
    companyId: ours.companyId, projectId: ours.projectA, roomId: room.A3!, feeItemId: item.WYF!, kind: 'periodic', periodFrom: '2024-03-01', periodTo: '2024-03-31', dueDate: '2024-04-15', principalFen: 5000,
  }).returning();
  await db.insert(billLines).values({ companyId: ours.companyId, billId: bill!.id, seq: 1, periodFrom: '2024-03-01', periodTo: '2024-03-31', description: '物业费', amountFen: 5000 });
  await db.insert(ledgerEntries).values({ companyId: ours.companyId, projectId: ours.projectA, roomId: room.A3!, feeItemId: item.WYF!, billId: bill!.id, kind: 'charge', account: 'receivable', amountFen: 5000, entryDate: '2024-03-01' });
});
afterAll(async () => t?.close());

const arrearsHead = ['房号*', '收费项目编码*', '账期开始*', '账期结束*', '欠费金额（元）*', '到期日', '备注'];
const prepaidHead = ['房号*', '收费项目编码', '预存余额（元）*', '备注'];

async function upload(cookie: string, data: Buffer, mode = 'all_or_nothing', projectId = ours.projectA) {
  const m = multipart('期初.xlsx', data);
  return t.app.inject({ method: 'POST', url: `/api/billing/opening-imports?projectId=${projectId}&mode=${mode}`, payload: m.payload, headers: { ...m.headers, cookie } });
}
/** waits for the job; works the import directly if the worker left it queued (see excel.test.ts) */
async function finished(cookie: string, id: string): Promise<any> {
  const view = async () => (await t.app.inject({ method: 'GET', url: `/api/billing/opening-imports/${id}`, headers: { cookie } })).json();
  for (let i = 0; i < 80; i++) {
    const r = await view();
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  console.warn(`[opening-import.test] import ${id} still queued after 20 s: running it directly`);
  await run(t.ctx, createStore(t.ctx), id);
  return view();
}
const one = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows[0];
const num = async (q: ReturnType<typeof sql>) => Number((await one(q)).n);
const migratedCount = (projectId: string) => num(sql`select count(*) as n from ledger_entries where company_id = ${ours.companyId} and project_id = ${projectId} and migrated`);
const download = async (cookie: string, fileId: string) => t.app.inject({ method: 'GET', url: `/api/files/${fileId}?download=1`, headers: { cookie } });

/** 4 good arrears and 2 good prepaid rows, with bad rows among them */
const book = () => xlsxBook({
  欠费: [arrearsHead,
    ['A-1-0101', 'WYF', '2024-01-01', '2024-03-31', '1234.5', '2024-04-15', '2024年一季度'],
    ['A-1-0101', 'WYF', '2024-04-01', '2024-06-30', '0.1', null, null],
    ['A-1-0102', 'SF', new Date(Date.UTC(2024, 0, 1)), '2024/1/31', 88, null, null],      // a date cell and a number cell
    ['A-1-0102', 'ZX', '2024-05-20', '2024-05-20', '0.2', '2024-06-01', '装修垃圾清运'],
    ['A-1-0199', 'WYF', '2024-01-01', '2024-01-31', '10', null, null],                    // unknown room
    ['A-1-0101', 'WYF', '2024-03-01', '2024-04-30', '10', null, null],                    // overlaps rows 2 and 3
    ['A-1-0103', 'WYF', '2024-02-01', '2024-03-15', '10', null, null],                    // overlaps the March bill
    ['A-1-0104', 'YJ', '2024-01-01', '2024-01-31', '10', null, null],                     // deposit item
    ['A-1-0104', 'OLD', '2024-01-01', '2024-01-31', '10', null, null],                    // archived item
    ['A-1-0104', 'WYF', '2024-02-01', '2024-01-31', '10.123', null, null],                // end before start, 3 decimals
  ],
  预存: [prepaidHead,
    ['A-1-0101', null, '0.1', '通用'],
    ['A-1-0101', 'WYF', '0.2', null],
    ['A-1-0101', null, '5', null],                                                        // duplicate of row 2
    ['A-1-0102', 'ZX', '5', null],                                                        // one-off earmark
    ['A-1-0102', 'NOPE', '0', null],                                                      // unknown item, zero amount
  ],
});

describe('期初余额 import', () => {
  it('serves a template with 欠费 and 预存 sheets and instructions, to holders of billing.opening.import only', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/billing/opening-import-template', headers: { cookie: pm } });
    expect(r.statusCode).toBe(200);
    const sheets = await readXlsxBook(r.rawPayload);
    expect(Object.keys(sheets)).toEqual(['欠费', '预存', '填写说明']);
    expect(sheets['欠费']![0]).toEqual(arrearsHead);
    expect(sheets['预存']![0]).toEqual(prepaidHead);
    expect(sheets['填写说明']!.flat().join('\n')).toContain('按分精确入账');
    const cashier = await login(t, ours.users.cashier!.phone);
    expect((await t.app.inject({ method: 'GET', url: '/api/billing/opening-import-template', headers: { cookie: cashier } })).statusCode).toBe(403);
  });

  it('refuses wrong headers, no rows and a project out of scope up front, storing nothing', async () => {
    const before = await num(sql`select count(*) as n from estate_imports where company_id = ${ours.companyId}`);
    const wrong = await upload(pm, await xlsxBook({ 欠费: [['房号', '金额'], ['A-1-0101', '1']] }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('缺少列：收费项目编码、账期开始、账期结束、欠费金额（元）');
    const empty = await upload(pm, await xlsxBook({ 欠费: [arrearsHead], 预存: [prepaidHead] }));
    expect(empty.json().error.details).toEqual([{ path: 'body.file', message: 'no_rows' }]);
    expect((await upload(pm, await book(), 'all_or_nothing', ours.projectB)).statusCode).toBe(404);
    expect(await num(sql`select count(*) as n from estate_imports where company_id = ${ours.companyId}`)).toBe(before);
  });

  it('all-or-nothing: bad rows stop the import, nothing is written, the report flags exactly those rows on both sheets', async () => {
    const r = await upload(pm, await book());
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({ kind: 'opening_balances', status: 'queued', totalRows: 15 });
    const done = await finished(pm, r.json().id);
    expect(done).toMatchObject({ status: 'failed', errorRows: 9, importedRows: 0 });
    expect(await migratedCount(ours.projectA)).toBe(0);
    expect(await num(sql`select count(*) as n from bills where company_id = ${ours.companyId} and kind = 'opening'`)).toBe(0);
    expect(await num(sql`select count(*) as n from account_balances where company_id = ${ours.companyId}`)).toBe(0);
    const report = await download(pm, done.reportFileId);
    expect(report.statusCode).toBe(200);
    const sheets = await readXlsxBook(report.rawPayload);
    expect(sheets['欠费']![0]!.at(-1)).toBe('错误说明');
    const errorsOf = (rows: string[][], col: number) => rows.slice(1).map((x) => x[col] ?? '');
    expect(errorsOf(sheets['欠费']!, 7)).toEqual([
      '', '', '', '',
      '房号：A-1-0199 在本项目中不存在',
      '账期：与第 2 行（同一房号、收费项目）的账期重叠',
      '账期：与已有账单（2024-03-01 至 2024-03-31）重叠',
      '收费项目编码：YJ（YJ项目）是押金类项目，不能导入为欠费',
      '收费项目编码：OLD（OLD项目）已停用',
      '欠费金额（元）：金额最多两位小数；账期结束：不能早于账期开始',
    ]);
    expect(errorsOf(sheets['预存']!, 4)).toEqual([
      '', '',
      '房号：与第 2 行重复（同一房屋、同一收费项目只填一行）',
      '收费项目编码：ZX（ZX项目）不能专款预存（仅周期、抄表类项目；留空为通用预存）',
      '预存余额（元）：金额应大于 0',
    ]);
  });

  it('valid rows: writes opening bills, migrated receivable and prepaid entries and balances, exactly', async () => {
    const done = await finished(pm, (await upload(pm, await book(), 'valid_rows')).json().id);
    expect(done).toMatchObject({ status: 'done', importedRows: 6, errorRows: 9, summary: { bills: 4, arrearsFen: 123450 + 10 + 8800 + 20, prepaid: 2, prepaidFen: 30 } });
    const a1 = (await t.app.inject({ method: 'GET', url: `/api/rooms/${room.A1}/bills`, headers: { cookie: pm } })).json();
    expect(a1.map((b: any) => [b.kind, b.periodFrom, b.periodTo, b.dueDate, b.principalFen, b.runId, b.lines[0].description])).toEqual([
      ['opening', '2024-04-01', '2024-06-30', '2024-06-30', 10, null, '期初欠费'],
      ['opening', '2024-01-01', '2024-03-31', '2024-04-15', 123450, null, '期初欠费 2024年一季度'],
    ]);
    const ledger = (await t.app.inject({ method: 'GET', url: `/api/rooms/${room.A1}/ledger`, headers: { cookie: pm } })).json();
    expect(ledger.every((e: any) => e.migrated && e.kind === 'opening_balance' && e.entryDate === today())).toBe(true);
    expect(ledger.filter((e: any) => e.account === 'prepaid').map((e: any) => [e.feeItemId, e.amountFen]).sort()).toEqual([[item.WYF, 20], [null, 10]].sort());
    const a2 = (await t.app.inject({ method: 'GET', url: `/api/rooms/${room.A2}/bills`, headers: { cookie: pm } })).json();
    expect(a2.map((b: any) => [b.feeItemId, b.periodFrom, b.periodTo, b.principalFen]).sort()).toEqual([[item.SF, '2024-01-01', '2024-01-31', 8800], [item.ZX, '2024-05-20', '2024-05-20', 20]].sort());
    // 0.1 + 0.2 元 of A1's prepaid add up to exactly 30 分
    expect(await num(sql`select sum(balance_fen) as n from account_balances where company_id = ${ours.companyId} and room_id = ${room.A1!} and account = 'prepaid'`)).toBe(30);
    // the balance identities: opening receivable entries = opening bills' principal; prepaid entries = the balance rows
    const rec = await one(sql`select (select sum(amount_fen) from ledger_entries where company_id = ${ours.companyId} and kind = 'opening_balance' and account = 'receivable' and migrated) as e,
      (select sum(principal_fen) from bills where company_id = ${ours.companyId} and kind = 'opening') as b,
      (select sum(amount_fen) from ledger_entries where company_id = ${ours.companyId} and account = 'prepaid') as p,
      (select sum(balance_fen) from account_balances where company_id = ${ours.companyId} and account = 'prepaid') as ab`);
    expect([Number(rec.e), Number(rec.p)]).toEqual([Number(rec.b), Number(rec.ab)]);
    expect(Number(rec.e)).toBe(done.summary.arrearsFen);
    const audit: any = await t.ctx.database.db.execute(sql`select action from audit_log where company_id = ${ours.companyId} and action like 'billing.opening%'`);
    expect(audit.rows.map((a: any) => a.action)).toEqual(expect.arrayContaining(['billing.opening_import_started', 'billing.opening_imported', 'billing.opening_import_failed']));
  });

  it('importing the same file again doubles nothing: every row is reported (overlapping bill, prepaid already imported)', async () => {
    const before = await migratedCount(ours.projectA);
    const again = await finished(pm, (await upload(pm, await book(), 'valid_rows')).json().id);
    expect(again).toMatchObject({ status: 'failed', importedRows: 0, errorRows: 15, message: '没有可导入的行' });
    expect(await migratedCount(ours.projectA)).toBe(before);
    const sheets = await readXlsxBook((await download(pm, again.reportFileId)).rawPayload);
    expect(sheets['欠费']![1]![7]).toBe('账期：与已有期初账单（2024-01-01 至 2024-03-31）重叠');
    expect(sheets['预存']![1]![4]).toBe('房号：A-1-0101 已导入过通用期初预存，不能重复导入');
    expect(sheets['预存']![2]![4]).toBe('房号：A-1-0101 已导入过收费项目 WYF 的期初预存，不能重复导入');
    // a bill run over a month imported as arrears is refused by the database too
    await expect(t.ctx.database.db.insert(bills).values({
      companyId: ours.companyId, projectId: ours.projectA, roomId: room.A1!, feeItemId: item.WYF!, kind: 'periodic', periodFrom: '2024-02-01', periodTo: '2024-02-29', dueDate: '2024-03-15', principalFen: 1,
    })).rejects.toThrow();
  });

  it('a workbook with only the 欠费 sheet is fine; a closed current month refuses the whole import', async () => {
    const arrearsOnly = await xlsx(arrearsHead, [['B-1-0101', 'WYF', '2024-01-01', '2024-01-31', '1', null, null]]);
    await t.ctx.database.db.execute(sql`insert into ledger_periods (id, company_id, project_id, month) values (uuid_v7(), ${ours.companyId}, ${ours.projectB}, ${`${today().slice(0, 7)}-01`}::date)`);
    const closed = await finished(hq, (await upload(hq, arrearsOnly, 'all_or_nothing', ours.projectB)).json().id);
    expect(closed).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(closed.message).toContain('已关账');
    expect(await migratedCount(ours.projectB)).toBe(0);
    await t.ctx.database.db.execute(sql`delete from ledger_periods where company_id = ${ours.companyId} and project_id = ${ours.projectB}`);
    const open = await finished(hq, (await upload(hq, arrearsOnly, 'all_or_nothing', ours.projectB)).json().id);
    expect(open).toMatchObject({ status: 'done', importedRows: 1, summary: { bills: 1, arrearsFen: 100, prepaid: 0, prepaidFen: 0 } });
  });

  it('two imports of the same prepaid balance racing each other add it once', async () => {
    const file = await xlsxBook({ 预存: [prepaidHead, ['A-1-0104', null, '12.34', null]] });
    const [a, b] = await Promise.all([upload(pm, file), upload(pm, file)]);
    // whichever the worker has not started yet is also worked here, at the same time
    await Promise.all([run(t.ctx, createStore(t.ctx), a.json().id), run(t.ctx, createStore(t.ctx), b.json().id)]);
    const results = [await finished(pm, a.json().id), await finished(pm, b.json().id)];
    expect(results.map((r) => r.status).sort()).toEqual(['done', 'failed']);
    const loser = results.find((r) => r.status === 'failed');
    // refused as a row (the other import's entry was seen while validating) or as a whole (seen again under the lock)
    expect(loser.message).toMatch(/^1 行有错误，未导入任何数据|其他导入已写入相同房屋的期初预存，请重新导入$/);
    expect(await num(sql`select sum(balance_fen) as n from account_balances where company_id = ${ours.companyId} and room_id = ${room.A4!}`)).toBe(1234);
    expect(await num(sql`select count(*) as n from ledger_entries where company_id = ${ours.companyId} and room_id = ${room.A4!} and account = 'prepaid'`)).toBe(1);
  });

  it('keeps imports in scope: another project is 404, the estate routes do not show them, only importers read the report', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/billing/opening-imports', headers: { cookie: pm } })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: any) => i.kind === 'opening_balances' && i.projectId === ours.projectA)).toBe(true);
    const hqList = (await t.app.inject({ method: 'GET', url: `/api/billing/opening-imports?projectId=${ours.projectB}`, headers: { cookie: hq } })).json();
    expect(hqList.items.map((i: any) => i.projectId)).toEqual([ours.projectB, ours.projectB]);
    const inB = hqList.items[0].id;
    expect((await t.app.inject({ method: 'GET', url: `/api/billing/opening-imports/${inB}`, headers: { cookie: pm } })).statusCode).toBe(404);
    const inA = list.items.find((i: any) => i.reportFileId);
    expect((await t.app.inject({ method: 'GET', url: `/api/estate/imports/${inA.id}`, headers: { cookie: pm } })).statusCode).toBe(404);
    const estateList = (await t.app.inject({ method: 'GET', url: '/api/estate/imports', headers: { cookie: pm } })).json();
    expect(estateList.items.some((i: any) => i.kind === 'opening_balances')).toBe(false);
    const cashier = await login(t, ours.users.cashier!.phone);
    expect((await download(cashier, inA.reportFileId)).statusCode).toBe(404);
  });
});
