import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { systemActor } from '../../lib/actor.ts';
import { amountInWords } from './einvoice/amount-words.ts';
import { issueInvoice } from './einvoice/issue.ts';
import { setEInvoiceProvider } from './einvoice/registry.ts';
import { sandboxEInvoice, SANDBOX_REJECTED_TAX_ID } from './einvoice/sandbox.ts';
import { payKit, pdfText } from './einvoice/test-kit.ts';
import { redLetterForRefund, taxOf } from './invoices.service.ts';
import { paymentsKit } from './payments-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string, cashier: string, resident: string, theirCashier: string;
let wyf: string, water: string, theirFee: string;
let roomsA: string[];
let roomB: string;
let theirRoom: string;
const k = payKit(() => t);
const setup = paymentsKit(() => t);
const as = setup.as;
const buyer = { buyerType: 'personal', buyerName: '张三' } as const;

/** a bill of the room and a payment of `fen` on it (principal), optionally with a late fee and prepaid remainder */
async function paid(tenant: Tenant, projectId: string, roomId: string, feeItemId: string, fen: number, o: { lateFee?: number; prepaid?: number; month?: string } = {}) {
  const billId = await k.bill({ companyId: tenant.companyId, projectId, roomId, feeItemId, month: o.month ?? '2026-01', principalFen: fen, lateFeeFen: o.lateFee });
  const allocations = [{ billId, fen }, ...(o.lateFee ? [{ billId, component: 'late_fee' as const, fen: o.lateFee }] : [])];
  return k.pay({ companyId: tenant.companyId, projectId, roomId, allocations, prepaidFen: o.prepaid });
}

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, cashier, resident] = await loginAs(t, ours, 'hq_admin', 'cashier', 'resident');
  theirCashier = await login(t, theirs.users.cashier!.phone);
  wyf = await setup.feeItem(hq, 'WYF', { name: '物业费' });
  water = await setup.feeItem(hq, 'SF', { name: '水费', feeCategory: 'water', taxRateBp: 900, invoiceCategory: '水冰雪' });
  const theirHq = await login(t, theirs.users.hq_admin!.phone);
  theirFee = await setup.feeItem(theirHq, 'WYF', { name: '物业费' });
  roomsA = await setup.rooms(hq, ours.projectA, '1', 3);
  [roomB] = await setup.rooms(hq, ours.projectB, '9', 1);
  [theirRoom] = await setup.rooms(theirHq, theirs.projectA, '1', 1);
  await setup.bindResident(ours, ours.projectA, [roomsA[0]!]);
});
afterAll(async () => {
  setEInvoiceProvider(null);
  await t?.close();
});

describe('tax and amounts', () => {
  it('tax = round(amount × r / (1 + r)) half-up, exact in 分', () => {
    expect(taxOf(10_000, 600)).toBe(566); // 566.04
    expect(taxOf(10_600, 600)).toBe(600);
    expect(taxOf(11_300, 1300)).toBe(1300);
    expect(taxOf(9, 600)).toBe(1); // 0.509
    expect(taxOf(8, 600)).toBe(0); // 0.453
    expect(taxOf(1, 10_000)).toBe(1); // exactly 0.5 → up
    expect(taxOf(3, 10_000)).toBe(2); // 1.5 → 2
    expect(taxOf(12_345, 0)).toBe(0);
    expect(taxOf(-10_000, 600)).toBe(-566); // a red line mirrors its blue one
    // against exact rationals: |tax − a·bp/(10000+bp)| ≤ ½ and ties go up
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
      const num = BigInt(a) * BigInt(bp), den = BigInt(10_000 + bp);
      const twice = 2n * (BigInt(taxOf(a, bp)) * den - num); // 2·(tax − exact)·den
      return twice > -den && twice <= den;
    }), { numRuns: 2000 });
  });

  it('writes amounts in 大写', () => {
    expect(amountInWords(1_234_560)).toBe('壹万贰仟叁佰肆拾伍元陆角整');
    expect(amountInWords(1_005)).toBe('壹拾元零伍分');
    expect(amountInWords(10_000_000_100)).toBe('壹亿零壹元整'); // 100,000,001 元
    expect(amountInWords(100_000_000)).toBe('壹佰万元整');
    expect(amountInWords(101_000)).toBe('壹仟零壹拾元整');
    expect(amountInWords(50)).toBe('伍角整');
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(-10_600)).toBe('（负数）壹佰零陆元整');
  });
});

describe('invoices through the sandbox', () => {
  it('issues a blue invoice per fee item (principal + late fee, prepaid left out), with a PDF carrying its number', async () => {
    const room = roomsA[1]!;
    const p1 = await paid(ours, ours.projectA, room, wyf, 10_000, { lateFee: 37, prepaid: 5_000 });
    const p2 = await paid(ours, ours.projectA, room, water, 3_333, { month: '2026-02' });
    const p3 = await paid(ours, ours.projectA, room, wyf, 2_000, { month: '2026-03' });
    const res = await as(cashier, { 'idempotency-key': 'inv-issue-0001' })('POST', '/api/invoices', { paymentIds: [p1, p2, p3], buyerType: 'company', buyerName: '某某科技有限公司', buyerTaxId: '91310000mA1K3TEST9', buyerEmail: 'fin@example.com' });
    expect(res.statusCode).toBe(200);
    const inv = res.json();
    expect(inv).toMatchObject({ kind: 'blue', status: 'issued', buyerTaxId: '91310000MA1K3TEST9', amountFen: 15_370, hasPdf: true, roomId: room });
    expect(inv.invoiceNo).toMatch(/^\d{20}$/);
    expect(inv.checkCode).toMatch(/^\d{20}$/);
    // 物业费 12,037 at 6 % → 681.34 → 681; 水费 3,333 at 9 % → 275.2 → 275
    expect(inv.lines).toEqual([
      { feeItemId: water, name: '水费', invoiceCategory: '水冰雪', taxRateBp: 900, amountFen: 3_333, taxFen: 275 },
      { feeItemId: wyf, name: '物业费', invoiceCategory: '物业服务', taxRateBp: 600, amountFen: 12_037, taxFen: 681 },
    ]);
    expect(inv.taxFen).toBe(956);
    expect(inv.payments.map((p: any) => [p.paymentId, p.amountFen])).toEqual([[p1, 10_037], [p2, 3_333], [p3, 2_000]]);
    expect(inv.abilities).toEqual({ red: true, retry: false });

    const pdf = await as(cashier)('GET', `/api/invoices/${inv.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const s of ['电子发票（普通发票）', inv.invoiceNo, inv.checkCode, '某某科技有限公司', '91310000MA1K3TEST9', '*物业服务*物业费', '9%', '壹佰伍拾叁元柒角整', '153.70', '6.81']) {
      expect(text.includes(s), s).toBe(true);
    }
    const [{ n }] = await k.rows(sql`select count(*)::int as n from audit_log where entity_id = ${inv.id} and action in ('payment.invoice_requested', 'payment.invoice_issued')`);
    expect(n).toBe(2);
    // the same Idempotency-Key answers the first response; nothing new is written
    const again = await as(cashier, { 'idempotency-key': 'inv-issue-0001' })('POST', '/api/invoices', { paymentIds: [p1, p2, p3], buyerType: 'company', buyerName: '某某科技有限公司', buyerTaxId: '91310000mA1K3TEST9', buyerEmail: 'fin@example.com' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(inv.id);

    // listed, filtered and searchable
    const list = (await as(cashier)('GET', `/api/invoices?roomId=${room}&status=issued&kind=blue`)).json();
    expect(list.items.map((i: any) => i.id)).toEqual([inv.id]);
    expect((await as(cashier)('GET', `/api/invoices?q=${inv.invoiceNo}`)).json().total).toBe(1);
  });

  it('refuses a payment already invoiced (409), even two requests at once', async () => {
    const room = roomsA[2]!;
    const p = await paid(ours, ours.projectA, room, wyf, 4_000);
    const [a, b] = await Promise.all([1, 2].map(() => as(cashier)('POST', '/api/invoices', { paymentIds: [p], ...buyer })));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const again = await as(cashier)('POST', '/api/invoices', { paymentIds: [p], ...buyer });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0]).toMatchObject({ path: 'body.paymentIds', message: 'already_invoiced', paymentIds: [p] });
    const [{ n }] = await k.rows(sql`select count(*)::int as n from invoice_payments where payment_id = ${p}`);
    expect(n).toBe(1);
    // and it is no longer offered
    const offered = (await as(cashier)('GET', `/api/invoices/invoiceable?roomId=${room}`)).json().items.map((x: any) => x.paymentId);
    expect(offered).not.toContain(p);
  });

  it('answers 404 for another project\'s or company\'s payment and invoice', async () => {
    const pB = await paid(ours, ours.projectB, roomB!, wyf, 1_000);
    const pTheirs = await paid(theirs, theirs.projectA, theirRoom!, theirFee, 1_000);
    expect((await as(cashier)('POST', '/api/invoices', { paymentIds: [pB], ...buyer })).statusCode).toBe(404);
    expect((await as(cashier)('POST', '/api/invoices', { paymentIds: [pTheirs], ...buyer })).statusCode).toBe(404);
    expect((await as(hq)('POST', '/api/invoices', { paymentIds: [pTheirs], ...buyer })).statusCode).toBe(404);
    const invB = (await as(hq)('POST', '/api/invoices', { paymentIds: [pB], ...buyer })).json();
    expect(invB.status).toBe('issued');
    for (const url of [`/api/invoices/${invB.id}`, `/api/invoices/${invB.id}/pdf`]) expect((await as(cashier)('GET', url)).statusCode).toBe(404);
    expect((await as(cashier)('POST', `/api/invoices/${invB.id}/red`, { reason: 'x' })).statusCode).toBe(404);
    expect((await as(theirCashier)('GET', `/api/invoices/${invB.id}`)).statusCode).toBe(404);
    expect((await as(cashier)('GET', '/api/invoices')).json().items.map((i: any) => i.id)).not.toContain(invB.id);
  });

  it('gives field-level 400s', async () => {
    const room = roomsA[2]!;
    const p = await paid(ours, ours.projectA, room, wyf, 500);
    const prepaidOnly = await k.pay({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, allocations: [], prepaidFen: 800 });
    const other = await paid(ours, ours.projectA, roomsA[1]!, wyf, 700, { month: '2026-05' });
    const cases: [object, string, string][] = [
      [{ paymentIds: [p], buyerType: 'company', buyerName: '公司' }, 'body.buyerTaxId', 'required'],
      [{ paymentIds: [p], buyerType: 'company', buyerName: '公司', buyerTaxId: '1234567890123456' }, 'body.buyerTaxId', 'invalid_tax_id'],
      [{ paymentIds: [], ...buyer }, 'body.paymentIds', ''],
      [{ paymentIds: Array.from({ length: 51 }, () => p), ...buyer }, 'body.paymentIds', ''],
      [{ paymentIds: [p], buyerType: 'personal', buyerName: '' }, 'body.buyerName', ''],
      [{ paymentIds: [p], ...buyer, buyerEmail: 'nope' }, 'body.buyerEmail', ''],
      [{ paymentIds: [p, p], ...buyer }, 'body.paymentIds', 'duplicate'],
      [{ paymentIds: [p, other], ...buyer }, 'body.paymentIds', 'different_rooms'],
      [{ paymentIds: [prepaidOnly], ...buyer }, 'body.paymentIds', 'nothing_to_invoice'],
    ];
    for (const [body, path, message] of cases) {
      const res = await as(cashier)('POST', '/api/invoices', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const d = res.json().error.details.find((x: any) => x.path === path);
      expect(d, `${JSON.stringify(body)} → ${res.body}`).toBeTruthy();
      if (message) expect(d.message).toBe(message);
    }
    // 15, 18 and 20 characters are all tax ids
    for (const id of ['123456789012345', '91310000MA1K3TEST9', '12345678901234567890']) {
      const q = await paid(ours, ours.projectA, room, wyf, 100, { month: '2026-06' });
      expect((await as(cashier)('POST', '/api/invoices', { paymentIds: [q], buyerType: 'company', buyerName: '公司', buyerTaxId: id })).statusCode).toBe(200);
    }
    // a voided payment: 409
    const v = await paid(ours, ours.projectA, room, wyf, 100, { month: '2026-07' });
    await k.rows(sql`update payments set status = 'voided', void_reason = '测试' where id = ${v}`);
    const res = await as(cashier)('POST', '/api/invoices', { paymentIds: [v], ...buyer });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].message).toBe('payment_voided');
  });
});

describe('residents', () => {
  it('request and download invoices of their own rooms only', async () => {
    const mine = await paid(ours, ours.projectA, roomsA[0]!, wyf, 6_000);
    const neighbour = await paid(ours, ours.projectA, roomsA[2]!, wyf, 6_000, { month: '2026-08' });
    const offered = (await as(resident)('GET', '/api/me/invoices/invoiceable')).json();
    expect(offered.items.map((x: any) => x.paymentId)).toEqual([mine]);
    expect(offered.items[0]).toMatchObject({ invoiceableFen: 6_000, roomId: roomsA[0] });
    expect((await as(resident)('POST', '/api/me/invoices', { paymentIds: [neighbour], ...buyer })).statusCode).toBe(404);
    expect((await as(resident)('POST', '/api/me/invoices', { paymentIds: [mine, neighbour], ...buyer })).statusCode).toBe(404);
    const res = await as(resident, { 'idempotency-key': 'resident-inv-01' })('POST', '/api/me/invoices', { paymentIds: [mine], buyerType: 'personal', buyerName: '李四', buyerEmail: 'li@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', amountFen: 6_000, abilities: { red: false, retry: false } });
    const id = res.json().id;
    const list = (await as(resident)('GET', '/api/me/invoices')).json();
    expect(list.items.map((i: any) => i.id)).toEqual([id]);
    const pdf = await as(resident)('GET', `/api/me/invoices/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload).includes(res.json().invoiceNo)).toBe(true);
    // someone else's invoice is not theirs to see
    const other = (await as(cashier)('POST', '/api/invoices', { paymentIds: [neighbour], ...buyer })).json();
    expect((await as(resident)('GET', `/api/me/invoices/${other.id}`)).statusCode).toBe(404);
    expect((await as(resident)('GET', `/api/me/invoices/${other.id}/pdf`)).statusCode).toBe(404);
    // staff routes stay closed to residents
    expect((await as(resident)('GET', `/api/invoices/${id}`)).statusCode).toBe(403);
  });
});

describe('red letters', () => {
  it('reverses an issued blue in full; its payments can be invoiced again', async () => {
    const room = roomsA[1]!;
    const p = await paid(ours, ours.projectA, room, wyf, 8_888, { month: '2026-09' });
    const blue = (await as(cashier)('POST', '/api/invoices', { paymentIds: [p], ...buyer })).json();
    const bad = await as(cashier)('POST', `/api/invoices/${blue.id}/red`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.reason');
    const res = await as(cashier)('POST', `/api/invoices/${blue.id}/red`, { reason: '抬头开错' });
    expect(res.statusCode).toBe(200);
    const red = res.json();
    expect(red).toMatchObject({ kind: 'red', redOf: blue.id, status: 'issued', amountFen: -8_888, taxFen: -blue.taxFen });
    expect(red.lines[0]).toMatchObject({ amountFen: -8_888, taxFen: -503 });
    expect(red.invoiceNo).not.toBe(blue.invoiceNo);
    const text = pdfText((await as(cashier)('GET', `/api/invoices/${red.id}/pdf`)).rawPayload);
    expect(text.includes('红字') && text.includes(blue.invoiceNo) && text.includes('-88.88')).toBe(true);
    expect((await as(cashier)('GET', `/api/invoices/${blue.id}`)).json()).toMatchObject({ status: 'reversed', reversedBy: red.id, abilities: { red: false } });
    // not twice, not a red one
    expect((await as(cashier)('POST', `/api/invoices/${blue.id}/red`, { reason: '再来' })).statusCode).toBe(409);
    expect((await as(cashier)('POST', `/api/invoices/${red.id}/red`, { reason: '再来' })).statusCode).toBe(409);
    // the payment is offered and can be invoiced again
    expect((await as(cashier)('GET', `/api/invoices/invoiceable?roomId=${room}`)).json().items.map((x: any) => x.paymentId)).toContain(p);
    const again = await as(cashier)('POST', '/api/invoices', { paymentIds: [p], buyerType: 'personal', buyerName: '张三丰' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'issued', amountFen: 8_888 });
    const [{ n }] = await k.rows(sql`select count(*)::int as n from audit_log where entity_id = ${blue.id} and action = 'payment.invoice_reversed'`);
    expect(n).toBe(1);
  });

  it('redLetterForRefund after a partial refund red-letters the blue and re-issues the rest to the same buyer', async () => {
    const room = roomsA[1]!;
    const p1 = await paid(ours, ours.projectA, room, wyf, 10_000, { month: '2026-10' });
    const p2 = await paid(ours, ours.projectA, room, water, 2_000, { month: '2026-10' });
    const blue = (await as(cashier)('POST', '/api/invoices', { paymentIds: [p1, p2], buyerType: 'company', buyerName: '退款公司', buyerTaxId: '91310000MA1K3TEST9' })).json();
    expect(blue.amountFen).toBe(12_000);
    const actor = systemActor(ours.companyId, 'refunds');
    const out = await t.ctx.database.db.transaction(async (tx) => {
      await k.refundAllocation(tx, p1, 3_000);
      return redLetterForRefund(tx, t.ctx, actor, p1, '00000000-0000-7000-8000-000000000001');
    });
    expect(out.redInvoiceId).toBeTruthy();
    expect(out.reissuedInvoiceId).toBeTruthy();
    // the refunds slice's transaction queued them; here (no jobs) they are issued by hand
    expect(await issueInvoice(t.ctx, out.redInvoiceId!)).toBe('issued');
    expect(await issueInvoice(t.ctx, out.reissuedInvoiceId!)).toBe('issued');
    const red = (await as(cashier)('GET', `/api/invoices/${out.redInvoiceId}`)).json();
    const next = (await as(cashier)('GET', `/api/invoices/${out.reissuedInvoiceId}`)).json();
    expect(red).toMatchObject({ kind: 'red', amountFen: -12_000, redOf: blue.id, status: 'issued' });
    expect(next).toMatchObject({ kind: 'blue', status: 'issued', amountFen: 9_000, buyerName: '退款公司', buyerTaxId: '91310000MA1K3TEST9' });
    expect(next.lines.map((l: any) => [l.name, l.amountFen, l.taxFen])).toEqual([['水费', 2_000, 165], ['物业费', 7_000, 396]]);
    expect(next.payments.map((x: any) => [x.paymentId, x.amountFen])).toEqual([[p1, 7_000], [p2, 2_000]]);
    expect((await as(cashier)('GET', `/api/invoices/${blue.id}`)).json().status).toBe('reversed');
    // a payment refunded in full: red-lettered, nothing re-issued
    const p3 = await paid(ours, ours.projectA, room, wyf, 1_000, { month: '2026-11' });
    const b3 = (await as(cashier)('POST', '/api/invoices', { paymentIds: [p3], ...buyer })).json();
    const out3 = await t.ctx.database.db.transaction(async (tx) => {
      await k.refundAllocation(tx, p3, 1_000);
      return redLetterForRefund(tx, t.ctx, actor, p3, '00000000-0000-7000-8000-000000000002');
    });
    expect(out3.redInvoiceId).toBeTruthy();
    expect(out3.reissuedInvoiceId).toBeNull();
    expect((await as(cashier)('GET', `/api/invoices/${b3.id}`)).json().status).toBe('reversed');
    // a payment on no invoice: nothing to do
    const p4 = await paid(ours, ours.projectA, room, wyf, 1_000, { month: '2026-12' });
    expect(await t.ctx.database.db.transaction((tx) => redLetterForRefund(tx, t.ctx, actor, p4, '00000000-0000-7000-8000-000000000003'))).toEqual({ redInvoiceId: null, reissuedInvoiceId: null });
  });
});

describe('failures', () => {
  it('a platform refusal leaves the invoice failed with the reason; retry issues it', async () => {
    const p = await paid(ours, ours.projectA, roomsA[2]!, wyf, 1_234, { month: '2027-01' });
    const failed = (await as(cashier)('POST', '/api/invoices', { paymentIds: [p], buyerType: 'company', buyerName: '税号错误公司', buyerTaxId: SANDBOX_REJECTED_TAX_ID })).json();
    expect(failed).toMatchObject({ status: 'failed', hasPdf: false, abilities: { retry: true, red: false } });
    expect(failed.failReason).toContain('纳税人识别号');
    expect((await as(cashier)('GET', `/api/invoices/${failed.id}/pdf`)).statusCode).toBe(409);
    expect((await as(cashier)('POST', `/api/invoices/${failed.id}/red`, { reason: 'x' })).statusCode).toBe(409);
    // the platform is fixed (here: the sandbox swapped for one that accepts) and the cashier retries
    const sandbox = sandboxEInvoice();
    setEInvoiceProvider({ sellerTaxId: '91310000MA1SANDBOX', provider: { ...sandbox, issue: (inv) => sandbox.issue({ ...inv, buyer: { ...inv.buyer, taxId: '91310000MA1K3TEST9' } }) } });
    try {
      const retried = await as(cashier)('POST', `/api/invoices/${failed.id}/retry`);
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'issued', failReason: null, hasPdf: true });
      expect((await as(cashier)('POST', `/api/invoices/${failed.id}/retry`)).statusCode).toBe(409);
    } finally {
      setEInvoiceProvider(null);
    }
    const actions = (await k.rows(sql`select action from audit_log where entity_id = ${failed.id} order by created_at, id`)).map((r) => r.action);
    expect(actions).toEqual(['payment.invoice_requested', 'payment.invoice_failed', 'payment.invoice_requested', 'payment.invoice_issued']);
  });

  it('the issue job settles each invoice once, however often it runs', async () => {
    const p = await paid(ours, ours.projectA, roomsA[2]!, wyf, 999, { month: '2027-02' });
    const [inv] = await k.rows(sql`insert into invoices (id, company_id, project_id, room_id, buyer_name, amount_fen, tax_fen, lines)
      values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${roomsA[2]}, '作业', 999, 57, ${JSON.stringify([{ feeItemId: wyf, name: '物业费', invoiceCategory: '物业服务', taxRateBp: 600, amountFen: 999, taxFen: 57 }])}::jsonb) returning id`);
    await k.rows(sql`insert into invoice_payments (id, company_id, invoice_id, payment_id, amount_fen) values (uuid_v7(), ${ours.companyId}, ${inv.id}, ${p}, 999)`);
    const { invoiceJobs } = await import('./invoices.jobs.ts');
    const [issue] = invoiceJobs(t.ctx);
    await Promise.all([1, 2, 3].map(() => issue!.handler([{ id: 'j', name: 'invoice-issue', data: { invoiceId: inv.id } } as any])));
    const [row] = await k.rows(sql`select status, invoice_no from invoices where id = ${inv.id}`);
    expect(row.status).toBe('issued');
    const [{ n }] = await k.rows(sql`select count(*)::int as n from files where owner_type = 'invoice' and owner_id = ${inv.id}`);
    expect(n).toBe(1);
  });
});
