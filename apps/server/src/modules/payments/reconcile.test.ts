import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { canonicalCsv, financeKit, multipartWith, wechatBill } from './finance-test-kit.ts';
import { paymentNotifications, paymentOrders, sandboxPayOrders, sandboxPayRefunds } from './payments.table.ts';
import { sandboxStatementCsv } from './providers/sandbox.statement.ts';
import { parseStatement } from './statement-csv.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let pm: string;
let cashier: string;
let theirHq: string;
const k = financeKit(() => t);
const D = '2026-11-20';

/** a tiny deterministic generator, so a failure names its seed */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const upload = (cookie: string, fields: Record<string, string>, content: string | Buffer, name = 'statement.csv') => {
  const m = multipartWith(fields, name, content);
  return t.app.inject({ method: 'POST', url: '/api/payments/reconciliations', headers: { cookie, ...m.headers }, payload: m.payload });
};
const importCount = async (companyId: string) =>
  Number((await k.rows(sql`select count(*)::int as n from statement_imports where company_id = ${companyId}`))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  theirHq = await login(t, theirs.users.hq_admin!.phone);
});
afterAll(async () => t?.close());

describe('reconciliation of a provider statement', () => {
  it('finds every injected mismatch of a generated statement (WeChat trade bill), exactly', async () => {
    const seed = 20261120;
    const rand = rng(seed);
    const roomA = await k.room(ours.companyId, ours.projectA);
    const roomB = await k.room(ours.companyId, ours.projectB);
    const fee = await k.feeItem(ours.companyId, '物业费');
    const N = 40;
    const made: { id: string; txn: string; out: string; fen: number; day: string; roomB: boolean }[] = [];
    for (let i = 0; i < N; i++) {
      const inB = i % 5 === 0;
      const c = { companyId: ours.companyId, projectId: inB ? ours.projectB : ours.projectA, roomId: inB ? roomB : roomA, feeItemId: fee };
      const fen = 1 + Math.floor(rand() * 500_000);
      const txn = `4200002026112${String(i).padStart(4, '0')}${seed}`;
      const out = `PO${seed}${i}`;
      const p = await k.pay(c, { day: D, channel: 'online', provider: 'sandbox', txn, prepaidFen: fen });
      const [o] = await k.db().insert(paymentOrders).values({
        companyId: c.companyId, projectId: c.projectId, roomId: c.roomId, outTradeNo: out, provider: 'sandbox', amountFen: fen, description: '物业费',
        status: 'paid', expiresAt: new Date(), paymentId: p.id, providerTxnId: txn, prepaidFen: fen,
      }).returning();
      await k.db().execute(sql`update payments set order_id = ${o!.id} where id = ${p.id}`);
      made.push({ id: p.id, txn, out, fen, day: D, roomB: inB });
    }
    // a payment of the day before, its callback late: it is on this statement and must match
    const late = await k.pay({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: fee }, { day: '2026-11-19', channel: 'online', txn: `LATE${seed}`, prepaidFen: 777 });
    // a payment of the next day, another channel, another provider: none of them is this statement's business
    await k.pay({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: fee }, { day: '2026-11-21', channel: 'online', txn: `NEXT${seed}`, prepaidFen: 500 });
    await k.pay({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: fee }, { day: D, channel: 'online', provider: 'wechat', txn: `WX${seed}`, prepaidFen: 500 });
    await k.pay({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: fee }, { day: D, channel: 'cash', prepaidFen: 500 });
    // the other company's sandbox payment of the same day: never ours
    const theirRoom = await k.room(theirs.companyId, theirs.projectA);
    const theirFee = await k.feeItem(theirs.companyId, '物业费');
    await k.pay({ companyId: theirs.companyId, projectId: theirs.projectA, roomId: theirRoom, feeItemId: theirFee }, { day: D, channel: 'online', txn: `THEIRS${seed}`, prepaidFen: 999 });

    // injected faults
    const missing = new Set([made[3]!.txn, made[17]!.txn, made[25]!.txn]);
    const changed = new Map([[made[8]!.txn, made[8]!.fen + 1], [made[30]!.txn, made[30]!.fen - 1]]);
    const voided = made[12]!;
    await k.voidPayment({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA }, voided.id, D);
    const absentVoided = made[13]!; // voided and not on the statement: both sides say 0, no item
    await k.voidPayment({ companyId: ours.companyId, projectId: ours.projectA, roomId: roomA }, absentVoided.id, D);
    const extras = [{ txn: `EXTRA1${seed}`, out: `POX1${seed}`, fen: 12_345 }, { txn: `EXTRA2${seed}`, out: `POX2${seed}`, fen: 50 }];
    await k.db().insert(paymentNotifications).values([
      { companyId: ours.companyId, provider: 'sandbox', outTradeNo: extras[0]!.out, providerTxnId: extras[0]!.txn, amountFen: 12_345, verdict: 'unknown_order', detail: '订单不存在' },
      { companyId: ours.companyId, provider: 'sandbox', outTradeNo: extras[0]!.out, providerTxnId: extras[0]!.txn, amountFen: 12_345, verdict: 'bad_signature' },
      { companyId: theirs.companyId, provider: 'sandbox', outTradeNo: extras[1]!.out, providerTxnId: extras[1]!.txn, amountFen: 50, verdict: 'amount_mismatch' },
    ]);

    const lines = [
      ...made.filter((m) => !missing.has(m.txn) && m !== absentVoided).map((m) => ({ txn: m.txn, out: m.out, fen: changed.get(m.txn) ?? m.fen })),
      { txn: late.providerTxnId!, out: 'POLATE', fen: 777 },
      ...extras,
      { txn: made[5]!.txn, out: made[5]!.out, fen: made[5]!.fen, status: 'REFUND' as const },
    ];
    for (let i = lines.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [lines[i], lines[j]] = [lines[j]!, lines[i]!]; }
    const res = await upload(hq, { provider: 'sandbox', date: D }, wechatBill(lines), '微信交易账单.csv');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ format: 'wechat', skippedRows: 1, rowCount: lines.length - 1, status: 'open', provider: 'sandbox', statementDate: D, fileName: '微信交易账单.csv' });

    const set = (kind: string) => new Set(r.items.filter((x: any) => x.kind === kind).map((x: any) => x.providerTxnId));
    expect(set('missing')).toEqual(missing);
    expect(set('extra')).toEqual(new Set(extras.map((x) => x.txn)));
    expect(set('amount_mismatch')).toEqual(new Set([...changed.keys(), voided.txn]));
    const expectedMatched = made.filter((m) => !missing.has(m.txn) && !changed.has(m.txn) && m !== voided && m !== absentVoided);
    expect(r.matched).toBe(expectedMatched.length + 1);
    expect(r.matchedFen).toBe(expectedMatched.reduce((s, m) => s + m.fen, 0) + 777);
    expect([r.missing, r.extra, r.mismatched, r.unresolved]).toEqual([3, 2, 3, 8]);
    // amounts on both sides, the voided one at 0 with its note; the extra row's refused notification of our company only
    const byTxn = Object.fromEntries(r.items.map((x: any) => [x.providerTxnId, x]));
    expect(byTxn[made[8]!.txn]).toMatchObject({ ourAmountFen: made[8]!.fen, theirAmountFen: made[8]!.fen + 1, paymentId: made[8]!.id, outTradeNo: made[8]!.out });
    expect(byTxn[voided.txn]).toMatchObject({ ourAmountFen: 0, theirAmountFen: voided.fen, paymentStatus: 'voided' });
    expect(byTxn[voided.txn].note).toContain('作废');
    expect(byTxn[made[3]!.txn]).toMatchObject({ ourAmountFen: made[3]!.fen, theirAmountFen: null, outTradeNo: made[3]!.out, businessDate: D });
    expect(byTxn[extras[0]!.txn].notifications.map((n: any) => n.verdict)).toEqual(['unknown_order']);
    expect(byTxn[extras[1]!.txn].notifications).toEqual([]);
    const stored = await k.rows(sql`select count(*)::int as n from statement_items where import_id = ${r.id}`);
    expect(Number(stored[0].n)).toBe(8);

    // a project manager of project A sees the import, but not the details of project B's payments
    const asPm = (await k.as(pm)('GET', `/api/payments/reconciliations/${r.id}`)).json();
    const bMissing = made.filter((m) => missing.has(m.txn) && m.roomB);
    for (const m of bMissing) expect(asPm.items.find((x: any) => x.providerTxnId === m.txn)).toMatchObject({ paymentId: null, roomCode: null, projectName: null });

    // reconcile is refused while anything is unresolved
    const early = await k.as(hq)('POST', `/api/payments/reconciliations/${r.id}/reconcile`, { version: r.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual([{ path: 'params.id', message: 'unresolved_items', count: 8 }]);
    let version = r.version;
    for (const item of r.items) {
      const ok = await k.as(pm)('POST', `/api/payments/reconciliations/items/${item.id}/resolve`, { note: '已核实' });
      expect(ok.statusCode, ok.body).toBe(200);
      version = ok.json().version;
    }
    expect(version).toBe(r.version + 8);
    const stale = await k.as(hq)('POST', `/api/payments/reconciliations/${r.id}/reconcile`, { version: r.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const done = await k.as(hq)('POST', `/api/payments/reconciliations/${r.id}/reconcile`, { version, note: '11-20 对平' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'reconciled', unresolved: 0, note: '11-20 对平' });
    expect(done.json().reconciledByName).toBeTruthy();
    // a reconciled day: no item changes, no new import
    const again = await k.as(hq)('POST', `/api/payments/reconciliations/items/${r.items[0].id}/resolve`, { note: 'x' });
    expect(again.statusCode).toBe(409);
    const reimport = await upload(hq, { provider: 'sandbox', date: D }, wechatBill(lines));
    expect(reimport.statusCode).toBe(409);
    expect(reimport.json().error.details[0].message).toBe('already_reconciled');
    const audits = await k.rows(sql`select action, count(*)::int as n from audit_log where company_id = ${ours.companyId} and action like 'payment.%' group by 1 order by 1`);
    expect(audits.map((a) => [a.action, Number(a.n)])).toEqual([['payment.day_reconciled', 1], ['payment.statement_imported', 1], ['payment.statement_item_resolved', 8]]);

    const list = (await k.as(hq)('GET', '/api/payments/reconciliations?provider=sandbox')).json();
    expect(list.items.map((x: any) => x.id)).toEqual([r.id]);
    expect((await k.as(theirHq)('GET', '/api/payments/reconciliations')).json().items).toEqual([]);
  });

  it('reads the canonical CSV, and a day with no online payments and an empty statement reconciles at once', async () => {
    const room = await k.room(ours.companyId, ours.projectA);
    const fee = await k.feeItem(ours.companyId, '停车费');
    const c = { companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee };
    const p1 = await k.pay(c, { day: '2026-11-10', channel: 'online', provider: 'alipay', txn: '2026111022001', prepaidFen: 10_050 });
    const res = await upload(pm, { provider: 'alipay', date: '2026-11-10' }, canonicalCsv([{ txn: p1.providerTxnId!, yuan: '100.50' }, { txn: 'ALIEXTRA', yuan: '1', status: 'success' }]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'canonical', matched: 1, matchedFen: 10_050, extra: 1, missing: 0, mismatched: 0 });

    const empty = await upload(hq, { provider: 'alipay', date: '2026-11-11' }, canonicalCsv([]));
    expect(empty.json()).toMatchObject({ rowCount: 0, matched: 0, unresolved: 0 });
    const done = await k.as(hq)('POST', `/api/payments/reconciliations/${empty.json().id}/reconcile`, { version: empty.json().version });
    expect(done.statusCode).toBe(200);
  });

  it('reads the sandbox provider\'s own statement: its payments as rows, its refunds skipped', async () => {
    const day = '2026-11-03';
    const paidAt = new Date(`${day}T09:30:00+08:00`);
    const orders = [{ out: 'SBXST1', txn: '4200000000202611030001', fen: 12_345 }, { out: 'SBXST2', txn: '4200000000202611030002', fen: 1 }];
    for (const o of orders) {
      await k.db().insert(sandboxPayOrders).values({ merchantId: '1900000001', outTradeNo: o.out, amountFen: o.fen, description: '物业费, 10月', notifyUrl: 'http://x/notify',
        status: 'SUCCESS', transactionId: o.txn, expiresAt: paidAt, paidAt });
    }
    await k.db().insert(sandboxPayRefunds).values({ outRefundNo: 'SBXRF1', outTradeNo: 'SBXST1', refundId: '5030000000001', amountFen: 100, createdAt: paidAt });
    const parsed = parseStatement(Buffer.from(await sandboxStatementCsv(t.ctx.database, day)));
    expect(parsed.format).toBe('wechat');
    expect(parsed.skipped).toBe(1);
    expect(parsed.rows.map((r) => [r.providerTxnId, r.outTradeNo, r.amountFen])).toEqual(orders.map((o) => [o.txn, o.out, o.fen]));
  });

  it('refuses malformed files with the row and column, and writes nothing', async () => {
    const before = await importCount(ours.companyId);
    const cases: [string, string, object[]][] = [
      ['unknown header', 'txn,amount\nA1,1.00\n', [{ path: 'body.file', message: 'unknown_header', row: 1 }]],
      ['bad amount', canonicalCsv([{ txn: 'A1', yuan: '1.00' }, { txn: 'A2', yuan: '1.005' }, { txn: 'A3', yuan: 'abc' }, { txn: 'A4', yuan: '0' }]),
        [{ message: 'bad_amount', row: 3, column: 'amount_yuan' }, { message: 'bad_amount', row: 4 }, { message: 'bad_amount', row: 5 }]],
      ['duplicate txn', canonicalCsv([{ txn: 'A1', yuan: '1.00' }, { txn: 'A1', yuan: '2.00' }]), [{ message: 'duplicate_txn_id', row: 3, column: 'provider_txn_id' }]],
      ['missing txn, bad status, bad time', canonicalCsv([{ txn: '', yuan: '1.00' }, { txn: 'B', yuan: '1.00', status: 'PAID?' }, { txn: 'C', yuan: '1.00', at: 'yesterday' }]),
        [{ message: 'missing_txn_id', row: 2 }, { message: 'bad_status', row: 3 }, { message: 'bad_time', row: 4, column: 'paid_at' }]],
      ['wechat summary lies', wechatBill([{ txn: 'W1', out: 'O1', fen: 100 }]).replace('`1,`1.00', '`2,`1.00'), [{ message: 'summary_count_mismatch', column: '总交易单数' }]],
      ['wechat bad amount', wechatBill([{ txn: 'W1', out: 'O1', fen: 100 }]).replace('`CNY,`1.00', '`CNY,`1.0.0'), [{ message: 'bad_amount', row: 2, column: '应结订单总金额' }]],
      ['empty file', '', [{ message: 'unknown_header' }]],
    ];
    for (const [label, body, details] of cases) {
      const res = await upload(hq, { provider: 'sandbox', date: '2026-11-05' }, body);
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.details, label).toMatchObject(details);
      expect(res.json().error.details.length, label).toBe(details.length);
    }
    const fields = await upload(hq, { provider: 'paypal', date: '2026-13-01' }, canonicalCsv([]));
    expect(fields.statusCode).toBe(400);
    expect(fields.json().error.details.map((d: any) => d.path).sort()).toEqual(['body.date', 'body.provider']);
    const noFile = await t.app.inject({ method: 'POST', url: '/api/payments/reconciliations?provider=sandbox&date=2026-11-05', headers: { cookie: hq, ...multipartWith({}, 'x', '').headers }, payload: Buffer.from('') });
    expect(noFile.statusCode).toBe(400);
    const json = await k.as(hq)('POST', '/api/payments/reconciliations', { provider: 'sandbox', date: '2026-11-05' });
    expect(json.statusCode).toBe(415);
    expect(await importCount(ours.companyId)).toBe(before);
  });

  it('keeps imports inside their company and to payment.reconcile holders', async () => {
    const res = await upload(hq, { provider: 'sandbox', date: '2026-11-01' }, canonicalCsv([{ txn: 'ONLYTHEIRS', yuan: '1.00' }]));
    const id = res.json().id;
    const item = res.json().items[0].id;
    expect((await k.as(theirHq)('GET', `/api/payments/reconciliations/${id}`)).statusCode).toBe(404);
    expect((await k.as(theirHq)('POST', `/api/payments/reconciliations/items/${item}/resolve`, { note: 'x' })).statusCode).toBe(404);
    expect((await k.as(theirHq)('POST', `/api/payments/reconciliations/${id}/reconcile`, { version: 1 })).statusCode).toBe(404);
    expect((await k.as(cashier)('GET', `/api/payments/reconciliations/${id}`)).statusCode).toBe(403);
    expect((await upload(cashier, { provider: 'sandbox', date: '2026-11-01' }, canonicalCsv([]))).statusCode).toBe(403);
    const blank = await k.as(hq)('POST', `/api/payments/reconciliations/items/${item}/resolve`, { note: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].path).toBe('body.note');
  });
});
