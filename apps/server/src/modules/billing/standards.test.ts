import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let pm: string;
let cashier: string;
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
});
afterAll(async () => t?.close());

const item = { code: 'WYF', name: '物业费', category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner' };
const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];

describe('fee items', () => {
  it('HQ creates and edits items; codes are unique per company; edits need the current version', async () => {
    const res = await t.as(hq)('POST', '/api/billing/fee-items', { ...item, lateFee: { dailyRatePpm: 500, graceDays: 15, capBp: 10000 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'WYF', taxRateBp: 600, commonIncome: false, lateFee: { dailyRatePpm: 500, graceDays: 15, capBp: 10000 }, version: 1 });
    const dup = await t.as(hq)('POST', '/api/billing/fee-items', item);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('body.code');
    const id = res.json().id;
    const up = await t.as(hq)('PATCH', `/api/billing/fee-items/${id}`, { version: 1, lateFee: null, name: '物业服务费' });
    expect(up.json()).toMatchObject({ name: '物业服务费', lateFee: null, version: 2 });
    expect((await t.as(hq)('PATCH', `/api/billing/fee-items/${id}`, { version: 1, name: 'x' })).statusCode).toBe(409);
    expect((await t.as(pm)('POST', '/api/billing/fee-items', { ...item, code: 'PM' })).statusCode).toBe(403);
    const list = await t.as(cashier)('GET', '/api/billing/fee-items');
    expect(list.json().map((i: any) => i.code)).toContain('WYF');
    const bad = await t.as(hq)('POST', '/api/billing/fee-items', { ...item, code: 'X1', taxRateBp: 600.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.taxRateBp');
  });
});

describe('charge standards', () => {
  let feeItemId: string;
  beforeAll(async () => {
    feeItemId = (await t.as(hq)('POST', '/api/billing/fee-items', { ...item, code: 'WYF2', commonIncome: true })).json().id;
  });
  const area = (unitPrice: unknown) => ({ kind: 'area', basis: 'building_area', unitPrice });

  it('stores an exact unit price ("1.2345" → 12345) and shows it back as written', async () => {
    const res = await t.as(hq)('POST', '/api/billing/standards', { feeItemId, projectId: null, code: 'ZZ-1', name: '住宅物业费', rule: area('1.2345'), validFrom: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'area', projectId: null, versions: [{ seq: 1, rule: { unitPrice: '1.2345' }, validFrom: '2026-01-01', validTo: null }] });
    const [v] = await rows(sql`select unit_price, basis from charge_standard_versions where standard_id = ${res.json().id}`);
    expect(Number(v.unit_price)).toBe(12345);
    expect(v.basis).toBe('building_area');
    const got = await t.as(cashier)('GET', `/api/billing/standards/${res.json().id}`);
    expect(got.json().versions[0].rule.unitPrice).toBe('1.2345');
    const metered = await t.as(hq)('POST', '/api/billing/standards', {
      feeItemId, projectId: null, code: 'WATER', name: '阶梯水价', validFrom: '2026-01-01',
      rule: { kind: 'metered', tiers: [{ upTo: 180_000, unitPrice: '3.45' }, { upTo: null, unitPrice: '4.83' }] },
    });
    expect(metered.json().versions[0].rule.tiers).toEqual([{ upTo: 180000, unitPrice: '3.4500' }, { upTo: null, unitPrice: '4.8300' }]);
  });

  it('refuses zero, negative, float-looking and over-precise prices with the field', async () => {
    for (const price of ['0', '0.0000', '-1.5', -1, '1.23456', '1e3', 'abc']) {
      const res = await t.as(hq)('POST', '/api/billing/standards', { feeItemId, projectId: null, code: 'BAD', name: 'x', rule: area(price), validFrom: '2026-01-01' });
      expect(res.statusCode, String(price)).toBe(400);
      expect(res.json().error.details.map((d: any) => d.path)).toContain('body.rule.unitPrice');
    }
    const fixed = await t.as(hq)('POST', '/api/billing/standards', { feeItemId, projectId: null, code: 'BAD', name: 'x', rule: { kind: 'fixed', per: 'room', amount: 0 }, validFrom: '2026-01-01' });
    expect(fixed.json().error.details[0].path).toBe('body.rule.amount');
    const tiers = await t.as(hq)('POST', '/api/billing/standards', {
      feeItemId, projectId: null, code: 'BAD', name: 'x', validFrom: '2026-01-01', rule: { kind: 'metered', tiers: [{ upTo: 10, unitPrice: '0' }, { upTo: null, unitPrice: '1' }] },
    });
    expect(tiers.json().error.details[0].path).toBe('body.rule.tiers.0.unitPrice');
  });

  it('a new version closes the previous one the day before; an overlapping or stale one is 409; old prices stay', async () => {
    const s = (await t.as(hq)('POST', '/api/billing/standards', { feeItemId, projectId: null, code: 'ZZ-2', name: '物业费', rule: area('2.5'), validFrom: '2026-01-01' })).json();
    const v2 = await t.as(hq)('POST', `/api/billing/standards/${s.id}/versions`, { version: 1, rule: area('2.8'), validFrom: '2026-07-01', validTo: '2026-12-31' });
    expect(v2.statusCode).toBe(200);
    expect(v2.json().versions.map((v: any) => [v.rule.unitPrice, v.validFrom, v.validTo])).toEqual([['2.5000', '2026-01-01', '2026-06-30'], ['2.8000', '2026-07-01', '2026-12-31']]);
    const overlap = await t.as(hq)('POST', `/api/billing/standards/${s.id}/versions`, { version: 2, rule: area('3'), validFrom: '2026-12-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toContain('重叠');
    expect((await t.as(hq)('POST', `/api/billing/standards/${s.id}/versions`, { version: 1, rule: area('3'), validFrom: '2027-01-01' })).statusCode).toBe(409);
    const kind = await t.as(hq)('POST', `/api/billing/standards/${s.id}/versions`, { version: 2, rule: { kind: 'fixed', per: 'room', amount: 100 }, validFrom: '2027-01-01' });
    expect(kind.json().error.details[0].path).toBe('body.rule.kind');
    const v3 = await t.as(hq)('POST', `/api/billing/standards/${s.id}/versions`, { version: 2, rule: area('3'), validFrom: '2027-03-01' });
    expect(v3.json().versions.map((v: any) => v.validTo)).toEqual(['2026-06-30', '2026-12-31', null]);
    const list = await t.as(cashier)('GET', `/api/billing/standards?feeItemId=${feeItemId}`);
    expect(list.json().items.map((i: any) => i.code)).toEqual(['WATER', 'ZZ-1', 'ZZ-2']);
  });

  it('project standards need the company setting for project staff (403); company-wide ones are HQ only', async () => {
    const body = (projectId: string | null, code: string) => ({ feeItemId, projectId, code, name: '项目物业费', rule: area('1.8'), validFrom: '2026-01-01' });
    const refused = await t.as(pm)('POST', '/api/billing/standards', body(ours.projectA, 'PA-1'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('billing.projectStandards');
    expect((await t.as(pm)('POST', '/api/billing/standards', body(null, 'PA-0'))).statusCode).toBe(403);
    expect((await t.as(pm)('PUT', '/api/billing/settings', { projectStandards: true, version: 0 })).statusCode).toBe(403);
    const on = await t.as(hq)('PUT', '/api/billing/settings', { projectStandards: true, version: 0 });
    expect(on.json()).toEqual({ projectStandards: true, version: 1 });
    expect((await t.as(hq)('PUT', '/api/billing/settings', { projectStandards: false, version: 0 })).statusCode).toBe(409);
    const ok = await t.as(pm)('POST', '/api/billing/standards', body(ours.projectA, 'PA-1'));
    expect(ok.json()).toMatchObject({ projectId: ours.projectA, code: 'PA-1' });
    expect((await t.as(pm)('POST', '/api/billing/standards', body(ours.projectB, 'PB-1'))).statusCode).toBe(404);
    const hqB = await t.as(hq)('POST', '/api/billing/standards', body(ours.projectB, 'PB-1'));
    expect((await t.as(pm)('GET', `/api/billing/standards/${hqB.json().id}`)).statusCode).toBe(404);
    const pmList = await t.as(pm)('GET', '/api/billing/standards?pageSize=100');
    expect(pmList.json().items.map((i: any) => i.code)).not.toContain('PB-1');
    const audit = await rows(sql`select action, count(*)::int as n from audit_log where company_id = ${ours.companyId} and action like 'billing.%' group by action order by action`);
    expect(Object.fromEntries(audit.map((a) => [a.action, a.n]))).toMatchObject({
      'billing.item_created': 2, 'billing.item_updated': 1, 'billing.settings_updated': 1, 'billing.standard_versioned': 2,
    });
  });
});
