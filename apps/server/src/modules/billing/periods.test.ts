import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { daysInMonth } from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { businessNow } from '../../lib/time.ts';
import { toAppError } from '../../plugins/errors.ts';
import { identityViolations, payBill, periodicBill, lateFeeRoom } from './test-bills.ts';

let t: TestApp;
let ours: Tenant;
let hq: string, pm: string, cashier: string;
let lf: string;
let roomA: string;
const ago = (n: number) => businessNow().subtract(n, 'month');
const m1 = ago(2).format('YYYY-MM');
const m2 = ago(1).format('YYYY-MM');
const dim1 = daysInMonth(ago(2).year(), ago(2).month() + 1);
const dim2 = daysInMonth(ago(1).year(), ago(1).month() + 1);

const close = (who: string, month: string, projectId = ours.projectA) => t.as(who)('POST', '/api/billing/periods/close', { projectId, month });
const rawEntry = (date: string) => sql`insert into ledger_entries (id, company_id, project_id, room_id, kind, account, amount_fen, entry_date)
  values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${roomA}, 'opening_balance', 'receivable', 100, ${date})`;

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  ({ feeItemId: lf, roomId: roomA } = await lateFeeRoom(t, hq, ours.projectA, '5'));
});
afterAll(async () => t?.close());

describe('period close (关账)', () => {
  let x: string;

  it('closes months in order, posting late fees as of each month\'s last day (hand-computed 分)', async () => {
    const base = { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: lf };
    // 100,000 due on the 10th of m1, charged on the 1st
    x = await periodicBill(t, { ...base, principalFen: 100_000, from: `${m1}-01`, to: `${m1}-${dim1}`, dueDate: `${m1}-10` });
    // paid in full before it fell due: never a late fee
    const early = await periodicBill(t, { ...base, feeItemId: lf, principalFen: 3_000, from: `2024-01-01`, to: '2024-01-31', dueDate: `${m1}-10`, chargeDate: `${m1}-01` });
    await payBill(t, early, 3_000, `${m1}-05`);

    const outOfOrder = await close(pm, m2);
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().error.details).toEqual([{ path: 'body.month', message: 'earlier_month_open', month: m1 }]);

    // m1: the 11th to the month's end at 50 分 a day
    const first = await close(pm, m1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ projectId: ours.projectA, month: m1, lateFeeBills: 1, lateFeeFen: 50 * (dim1 - 10), closedBy: ours.users.project_manager!.userId });
    expect((await close(pm, m1)).statusCode).toBe(409);

    // m2: x paid in full on the 10th (days 1–9 accrue); a new bill due on the 20th accrues 10 分 a day after it
    await payBill(t, x, 100_000, `${m2}-10`);
    const y = await periodicBill(t, { ...base, principalFen: 20_000, from: `${m2}-01`, to: `${m2}-${dim2}`, dueDate: `${m2}-20` });
    const second = await close(hq, m2);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ month: m2, lateFeeBills: 2, lateFeeFen: 50 * 9 + 10 * (dim2 - 20) });
    const posted = ((await t.ctx.database.db.execute(sql`select bill_id, amount_fen, entry_date from ledger_entries where kind = 'late_fee' and company_id = ${ours.companyId} order by entry_date, bill_id`)) as any).rows;
    expect(posted.map((r: any) => [r.bill_id, Number(r.amount_fen), r.entry_date])).toEqual(
      [[x, 50 * (dim1 - 10), `${m1}-${dim1}`], ...[[x, 450, `${m2}-${dim2}`], [y, 10 * (dim2 - 20), `${m2}-${dim2}`]].sort((a, b) => String(a[0]).localeCompare(String(b[0])))],
    );
    const list = (await t.as(cashier)('GET', `/api/billing/periods?projectId=${ours.projectA}`)).json();
    expect(list.map((p: any) => p.month)).toEqual([m2, m1]);
    const audit = ((await t.ctx.database.db.execute(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'billing.period_closed'`)) as any).rows;
    expect(Number(audit[0].n)).toBe(2);
  });

  it('refuses any entry dated in a closed month (the trigger), mapped to 409', async () => {
    let err: unknown;
    try { await t.ctx.database.db.execute(rawEntry(`${m1}-15`)); } catch (e) { err = e; }
    expect(err).toBeDefined();
    const app = toAppError(err);
    expect(app.status).toBe(409);
    expect(app.message).toContain('已关账');
    // the open month still takes entries
    await t.ctx.database.db.execute(rawEntry(businessNow().format('YYYY-MM-DD')));
  });

  it('refuses the current month (400), another project (404), a role without the permission (403), a bad month (400)', async () => {
    const now = await close(hq, businessNow().format('YYYY-MM'));
    expect(now.statusCode).toBe(400);
    expect(now.json().error.details).toEqual([{ path: 'body.month', message: 'month_not_ended' }]);
    expect((await close(pm, m1, ours.projectB)).statusCode).toBe(404);
    expect((await close(cashier, m1)).statusCode).toBe(403);
    expect((await close(hq, '2026-13')).statusCode).toBe(400);
    // a project without entries closes any ended month
    expect((await close(hq, m1, ours.projectB)).statusCode).toBe(200);
    expect((await t.as(pm)('GET', `/api/billing/periods?projectId=${ours.projectB}`)).json()).toEqual([]);
  });

  it('keeps billed + late fees = paid + waived + outstanding on every bill', async () => {
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
  });
});
