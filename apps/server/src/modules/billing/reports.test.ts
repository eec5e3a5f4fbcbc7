import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';

/**
 * Hand-computed figures on a few bills (docs/billing-plan.md "Reports" for the definitions).
 * Project A, building 1 = rooms r1, r2; building 2 = room r3; fee items WYF and GG (公共收益).
 *
 *   bill  room fee  period         due         principal  entries (principal unless said)
 *   b5    r3   WYF  2024-12        2024-12-31  2 500      charge 2024-12-01
 *   b0    r1   WYF  2025-06        2025-06-30  5 000      charge 06-01; pay −1 000 2025-06-20; pay −3 000 2026-01-10
 *   b1    r1   WYF  2026-01        2026-01-31  10 000     charge 01-01; pay −6 000 01-15; prepaid −2 000 02-10; waiver −1 000 02-20
 *   b2    r2   WYF  2026-01        2026-01-31  20 000     charge 01-01; late fee +300 03-01; pay −5 000 03-05
 *   b3    r3   WYF  2026-02        2026-03-15  8 000      charge 02-01; pay −8 000 02-05; its reversal +8 000 02-06
 *   g1    r1   GG   2026-02-10     2026-02-20  3 000      charge 02-10; pay −3 000 02-12 (one-off)
 *   v1    r2   WYF  2026-02 (void) 2026-02-28  7 000      charge 02-01; its reversal −7 000 02-03
 *   b4    r1   WYF  2026-04        2026-04-30  10 000     charge 04-01 (after the range)
 * Project B (noise for a project manager of A): one bill of 99 999 in 2026-01, 11 111 paid.
 * Another company: the same shape of noise, never counted.
 */
let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let pm: string;
let tech: string;
let wyf: string;
let gg: string;
let r1: string; let r2: string; let r3: string;
let bld1: string; let bld2: string;

const as = (cookie: string) => (url: string) => t.as(cookie)('GET', url);
const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const item = (code: string, commonIncome = false) => ({ code, name: code, category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner', commonIncome });

async function bill(companyId: string, projectId: string, room: string, fee: string, from: string, to: string, due: string, principal: number, opts: { kind?: string; status?: string } = {}) {
  const [b] = await rows(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen, status, void_reason)
    values (uuid_v7(), ${companyId}, ${projectId}, ${room}, ${fee}, ${opts.kind ?? 'periodic'}, ${from}, ${to}, ${due}, ${principal}, ${opts.status ?? 'live'}, ${opts.status === 'void' ? '测试作废' : null})
    returning id`);
  const charge = await entry(b.id, 'charge', principal, from);
  return { id: b.id as string, charge };
}
async function entry(billId: string, kind: string, amount: number, date: string, opts: { component?: string; reverses?: string; account?: string } = {}) {
  const [e] = await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, amount_fen, component, reverses, entry_date)
    select uuid_v7(), company_id, project_id, room_id, fee_item_id, id, ${kind}, ${opts.account ?? 'receivable'}, ${amount}, ${opts.component ?? 'principal'}, ${opts.reverses ?? null}, ${date}
      from bills where id = ${billId} returning id`);
  return e.id as string;
}

async function building(cookie: string, projectId: string, code: string, rooms: number) {
  const g = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/buildings/generate`, headers: { cookie },
    payload: { code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: rooms, areas: Array.from({ length: rooms }, () => ({ buildingArea: '80' })) } });
  expect(g.statusCode).toBe(200);
  const ids = (await as(cookie)(`/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id) as string[];
  return { buildingId: g.json().buildingId as string, rooms: ids };
}

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, pm, tech] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'technician');
  const post = (cookie: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  wyf = (await post(hq, '/api/billing/fee-items', item('WYF'))).json().id;
  gg = (await post(hq, '/api/billing/fee-items', item('GG', true))).json().id;
  const b1x = await building(hq, ours.projectA, '1', 2);
  const b2x = await building(hq, ours.projectA, '2', 1);
  [bld1, bld2] = [b1x.buildingId, b2x.buildingId];
  [r1, r2] = b1x.rooms as [string, string];
  r3 = b2x.rooms[0]!;
  const c = ours.companyId; const A = ours.projectA;

  const b5 = await bill(c, A, r3, wyf, '2024-12-01', '2024-12-31', '2024-12-31', 2500);
  void b5;
  const b0 = await bill(c, A, r1, wyf, '2025-06-01', '2025-06-30', '2025-06-30', 5000);
  await entry(b0.id, 'payment', -1000, '2025-06-20');
  await entry(b0.id, 'payment', -3000, '2026-01-10');
  const b1 = await bill(c, A, r1, wyf, '2026-01-01', '2026-01-31', '2026-01-31', 10000);
  await entry(b1.id, 'payment', -6000, '2026-01-15');
  await entry(b1.id, 'prepay_deduction', -2000, '2026-02-10');
  await entry(b1.id, 'prepay_deduction', -2000, '2026-02-10', { account: 'prepaid' }); // the prepaid side: not receivable, never counted
  await entry(b1.id, 'waiver', -1000, '2026-02-20');
  const b2 = await bill(c, A, r2, wyf, '2026-01-01', '2026-01-31', '2026-01-31', 20000);
  await entry(b2.id, 'late_fee', 300, '2026-03-01', { component: 'late_fee' });
  await entry(b2.id, 'payment', -5000, '2026-03-05');
  const b3 = await bill(c, A, r3, wyf, '2026-02-01', '2026-02-28', '2026-03-15', 8000);
  const p3 = await entry(b3.id, 'payment', -8000, '2026-02-05');
  await entry(b3.id, 'reversal', 8000, '2026-02-06', { reverses: p3 });
  const g1 = await bill(c, A, r1, gg, '2026-02-10', '2026-02-10', '2026-02-20', 3000, { kind: 'one_off' });
  await entry(g1.id, 'payment', -3000, '2026-02-12');
  const v1 = await bill(c, A, r2, wyf, '2026-02-01', '2026-02-28', '2026-02-28', 7000, { status: 'void' });
  await entry(v1.id, 'reversal', -7000, '2026-02-03', { reverses: v1.charge });
  await bill(c, A, r1, wyf, '2026-04-01', '2026-04-30', '2026-04-30', 10000);

  const bx = await building(hq, ours.projectB, '9', 1);
  const bb = await bill(c, ours.projectB, bx.rooms[0]!, wyf, '2026-01-01', '2026-01-31', '2026-01-31', 99999);
  await entry(bb.id, 'payment', -11111, '2026-01-20');

  const theirHq = await login(t, theirs.users.hq_admin!.phone);
  const tw = (await post(theirHq, '/api/billing/fee-items', item('WYF'))).json().id;
  const tx = await building(theirHq, theirs.projectA, '1', 1);
  const tb = await bill(theirs.companyId, theirs.projectA, tx.rooms[0]!, tw, '2026-01-01', '2026-01-31', '2026-01-31', 77777);
  await entry(tb.id, 'payment', -7777, '2026-01-20');
});
afterAll(async () => t?.close());

const A = () => `projectId=${ours.projectA}`;

describe('收缴率', () => {
  it('by month: both variants computed by hand', async () => {
    const res = await as(hq)(`/api/billing/reports/collection?${A()}&from=2026-01&to=2026-03&asOf=2026-03-31&groupBy=month`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const m = Object.fromEntries(r.rows.map((x: any) => [x.key, x]));
    expect(r.rows.map((x: any) => x.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    // 本期: Jan bills b1 + b2 = 30 000, waived 1 000 (b1), collected 6 000 + 2 000 + 5 000
    expect(m['2026-01'].current).toEqual({ numeratorFen: 13000, denominatorFen: 29000, rateBp: 4483, billedFen: 30000, waivedFen: 1000 });
    // Feb: b3 (payment reversed → 0) + g1 (3 000 paid); the void v1 is no bill of the period
    expect(m['2026-02'].current).toEqual({ numeratorFen: 3000, denominatorFen: 11000, rateBp: 2727, billedFen: 11000, waivedFen: 0 });
    expect(m['2026-03'].current).toEqual({ numeratorFen: 0, denominatorFen: 0, rateBp: null, billedFen: 0, waivedFen: 0 });
    // 含欠费: Jan: opening b5 2 500 + b0 4 000; billed b1 + b2; collected b1 6 000 + b0 3 000
    expect(m['2026-01'].withArrears).toEqual({ numeratorFen: 9000, denominatorFen: 36500, rateBp: 2466, openingFen: 6500, billedFen: 30000, waivedFen: 0 });
    // Feb (b3 due 03-15 is not yet due): opening 2 500 + 1 000 + 4 000 + 20 000; billed g1 (v1 nets to 0); prepaid 2 000 + g1 3 000
    expect(m['2026-02'].withArrears).toEqual({ numeratorFen: 5000, denominatorFen: 29500, rateBp: 1695, openingFen: 27500, billedFen: 3000, waivedFen: 1000 });
    // Mar: b3 now due: opening 2 500 + 1 000 + 1 000 + 20 000 + 8 000; b2 paid 5 000 (its late fee is not principal)
    expect(m['2026-03'].withArrears).toEqual({ numeratorFen: 5000, denominatorFen: 32500, rateBp: 1538, openingFen: 32500, billedFen: 0, waivedFen: 0 });
    // the range as one period
    expect(r.total.current).toEqual({ numeratorFen: 16000, denominatorFen: 40000, rateBp: 4000, billedFen: 41000, waivedFen: 1000 });
    expect(r.total.withArrears).toEqual({ numeratorFen: 19000, denominatorFen: 46500, rateBp: 4086, openingFen: 6500, billedFen: 41000, waivedFen: 1000 });
  });

  it('本期 counts collections up to the as-of date only', async () => {
    const r = (await as(hq)(`/api/billing/reports/collection?${A()}&from=2026-01&to=2026-01&asOf=2026-01-31`)).json();
    expect(r.rows[0].current).toEqual({ numeratorFen: 6000, denominatorFen: 30000, rateBp: 2000, billedFen: 30000, waivedFen: 0 });
  });

  it('by building and by fee item', async () => {
    const r = (await as(hq)(`/api/billing/reports/collection?${A()}&from=2026-01&to=2026-03&asOf=2026-03-31&groupBy=building`)).json();
    const m = Object.fromEntries(r.rows.map((x: any) => [x.key, x]));
    expect(Object.keys(m).sort()).toEqual([bld1, bld2].sort());
    expect(m[bld1].label).toBe('1号楼');
    expect(m[bld1].current).toMatchObject({ billedFen: 33000, waivedFen: 1000, numeratorFen: 16000, denominatorFen: 32000, rateBp: 5000 });
    expect(m[bld2].current).toMatchObject({ billedFen: 8000, numeratorFen: 0, rateBp: 0 });
    expect(m[bld1].withArrears).toMatchObject({ openingFen: 4000, billedFen: 33000, waivedFen: 1000, numeratorFen: 19000, denominatorFen: 36000, rateBp: 5278 });
    expect(m[bld2].withArrears).toMatchObject({ openingFen: 2500, billedFen: 8000, numeratorFen: 0, denominatorFen: 10500, rateBp: 0 });
    expect(r.total.withArrears.denominatorFen).toBe(46500);

    const f = (await as(hq)(`/api/billing/reports/collection?${A()}&from=2026-01&to=2026-03&asOf=2026-03-31&groupBy=feeItem`)).json();
    const byItem = Object.fromEntries(f.rows.map((x: any) => [x.label, x]));
    expect(byItem.GG.current).toMatchObject({ billedFen: 3000, numeratorFen: 3000, rateBp: 10000 });
    expect(byItem.WYF.current).toMatchObject({ billedFen: 38000, numeratorFen: 13000 });
  });

  it('scope: HQ sees every project of its company, a project manager only theirs, another company never', async () => {
    const q = 'from=2026-01&to=2026-01&asOf=2026-03-31&groupBy=project';
    const all = (await as(hq)(`/api/billing/reports/collection?${q}`)).json();
    expect(all.rows.map((x: any) => x.key).sort()).toEqual([ours.projectA, ours.projectB].sort());
    expect(all.total.current.billedFen).toBe(30000 + 99999);
    expect(all.total.current.numeratorFen).toBe(13000 + 11111);
    const mine = (await as(pm)(`/api/billing/reports/collection?${q}`)).json();
    expect(mine.rows.map((x: any) => x.key)).toEqual([ours.projectA]);
    expect(mine.total.current.billedFen).toBe(30000);
    expect((await as(pm)(`/api/billing/reports/collection?${q}&projectId=${ours.projectB}`)).statusCode).toBe(404);
    expect((await as(hq)(`/api/billing/reports/collection?${q}&projectId=${theirs.projectA}`)).statusCode).toBe(404);
    expect((await as(tech)(`/api/billing/reports/collection?${q}`)).statusCode).toBe(403);
  });

  it('bad input → 400 with the field', async () => {
    const bad = async (qs: string, path: string) => {
      const res = await as(hq)(`/api/billing/reports/collection?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(JSON.stringify(res.json().error.details ?? '')).toContain(path);
    };
    await bad('from=2026-13', 'from');
    await bad('from=2026-1', 'from');
    await bad('from=0000-01', 'from');
    await bad('asOf=0000-01-01', 'asOf');
    await bad('from=2026-03&to=2026-01', 'from');
    await bad('asOf=2026-02-30', 'asOf');
    await bad('groupBy=room', 'groupBy');
    await bad('from=2000-01&to=2026-01', 'to');
    expect((await as(hq)('/api/billing/reports/income?from=2026-05&to=2026-04')).statusCode).toBe(400);
  });
});

describe('欠费账龄', () => {
  it('buckets the outstanding (principal + posted late fee) of overdue bills by days past due', async () => {
    const r = (await as(hq)(`/api/billing/reports/ageing?${A()}&asOf=2026-03-31&groupBy=building`)).json();
    const m = Object.fromEntries(r.rows.map((x: any) => [x.key, x]));
    // b1 1 000 and b2 15 300 are 59 days late, b0 1 000 is 274 days
    expect(m[bld1]).toMatchObject({ buckets: { d0_30: 0, d31_90: 16300, d91_180: 0, d181_365: 1000, d365_plus: 0 }, totalFen: 17300, bills: 3 });
    // b3 8 000 is 16 days late, b5 2 500 is 455 days
    expect(m[bld2]).toMatchObject({ buckets: { d0_30: 8000, d31_90: 0, d91_180: 0, d181_365: 0, d365_plus: 2500 }, totalFen: 10500, bills: 2 });
    expect(r.total).toMatchObject({ totalFen: 27800, bills: 5 });
    // on 03-01 b3 is not due yet, b2 (29 days late) is unpaid but has its late fee of that day, b1 is 29 days late
    const early = (await as(hq)(`/api/billing/reports/ageing?${A()}&asOf=2026-03-01&groupBy=project`)).json();
    expect(early.total).toMatchObject({ buckets: { d0_30: 21300, d31_90: 0, d91_180: 0, d181_365: 1000, d365_plus: 2500 }, totalFen: 24800, bills: 4 });
  });

  it('drills down to rooms, most owed first, paged', async () => {
    const p1 = (await as(hq)(`/api/billing/reports/ageing/rooms?${A()}&asOf=2026-03-31&pageSize=2`)).json();
    expect(p1.total).toBe(3);
    expect(p1.items.map((x: any) => [x.roomId, x.totalFen])).toEqual([[r2, 15300], [r3, 10500]]);
    expect(p1.items[1]).toMatchObject({ code: expect.any(String), buildingName: '2号楼', oldestDueDate: '2024-12-31', buckets: { d0_30: 8000, d365_plus: 2500 } });
    const p2 = (await as(hq)(`/api/billing/reports/ageing/rooms?${A()}&asOf=2026-03-31&pageSize=2&page=2`)).json();
    expect(p2.items.map((x: any) => [x.roomId, x.totalFen])).toEqual([[r1, 2000]]);
    const b2only = (await as(hq)(`/api/billing/reports/ageing/rooms?${A()}&asOf=2026-03-31&buildingId=${bld2}`)).json();
    expect(b2only.items.map((x: any) => x.roomId)).toEqual([r3]);
    const gOnly = (await as(hq)(`/api/billing/reports/ageing/rooms?${A()}&asOf=2026-03-31&feeItemId=${gg}`)).json();
    expect(gOnly.total).toBe(0);
    const pmAll = (await as(pm)('/api/billing/reports/ageing/rooms?asOf=2026-03-31')).json();
    expect(pmAll.total).toBe(3);
  });
});

describe('收入', () => {
  it('billed (charges + late fees − waivers) and collected by fee item and month, 公共收益 apart', async () => {
    const r = (await as(hq)(`/api/billing/reports/income?${A()}&from=2026-01&to=2026-03`)).json();
    const m = Object.fromEntries(r.rows.map((x: any) => [`${x.feeItemName} ${x.month}`, [x.billedFen, x.collectedFen, x.commonIncome]]));
    expect(m).toEqual({
      'WYF 2026-01': [30000, 9000, false],
      // b3 8 000 + v1 7 000 − its reversal 7 000 − b1's waiver 1 000; b1 prepaid 2 000, b3's payment reversed
      'WYF 2026-02': [7000, 2000, false],
      'WYF 2026-03': [300, 5000, false],
      'GG 2026-02': [3000, 3000, true],
    });
    expect(r.operating).toEqual({ billedFen: 37300, collectedFen: 16000 });
    expect(r.commonIncome).toEqual({ billedFen: 3000, collectedFen: 3000 });
    expect(r.total).toEqual({ billedFen: 40300, collectedFen: 19000 });
    const pmView = (await as(pm)('/api/billing/reports/income?from=2026-01&to=2026-01')).json();
    expect(pmView.total).toEqual({ billedFen: 30000, collectedFen: 9000 });
    const hqView = (await as(hq)('/api/billing/reports/income?from=2026-01&to=2026-01')).json();
    expect(hqView.total).toEqual({ billedFen: 30000 + 99999, collectedFen: 9000 + 11111 });
  });
});

describe('exports', () => {
  const wbOf = async (body: Buffer) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(body as any); return wb; };

  it('xlsx reads back with the figures in 元 and is audited', async () => {
    const res = await as(hq)(`/api/billing/reports/collection/export?${A()}&from=2026-01&to=2026-03&asOf=2026-03-31&groupBy=month&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('收缴率报表-2026-01至2026-03.xlsx')}`);
    const ws = (await wbOf(res.rawPayload)).worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('月份');
    expect(ws.getRow(2).values).toEqual([undefined, '2026-01', 300, 10, 130, 0.4483, 65, 300, 0, 90, 0.2466]);
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
    expect(ws.getRow(5).getCell(4).value).toBe(160);
    const [a] = await rows(sql`select after from audit_log where company_id = ${ours.companyId} and action = 'billing.report_exported' order by created_at desc limit 1`);
    expect(a.after).toMatchObject({ report: 'collection', format: 'xlsx', rows: 3 });

    const age = await as(hq)(`/api/billing/reports/ageing/export?${A()}&asOf=2026-03-31&groupBy=building`);
    const aws = (await wbOf(age.rawPayload)).worksheets[0]!;
    expect(aws.getRow(1).getCell(2).value).toBe('0–30 天（元）');
    expect(aws.getRow(aws.rowCount).getCell(7).value).toBe(278);

    const inc = await as(hq)(`/api/billing/reports/income/export?${A()}&from=2026-01&to=2026-03`);
    const iws = (await wbOf(inc.rawPayload)).worksheets[0]!;
    expect(iws.getRow(iws.rowCount).values).toEqual([undefined, '合计', '', '', 403, 190]);
  });

  it('pdf starts with %PDF, in Chinese, for each report', async () => {
    for (const url of [`collection/export?${A()}&format=pdf&groupBy=building`, `ageing/export?${A()}&format=pdf`, `income/export?${A()}&format=pdf`]) {
      const res = await as(hq)(`/api/billing/reports/${url}`);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(/\/BaseFont \/[A-Z]{6}\+Noto/.test(res.rawPayload.toString('latin1'))).toBe(true);
    }
    expect((await as(pm)(`/api/billing/reports/income/export?projectId=${ours.projectB}&format=pdf`)).statusCode).toBe(404);
    expect((await as(hq)('/api/billing/reports/income/export?format=doc')).statusCode).toBe(400);
  });
});
