import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, baseURL, DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

type Hit = { roomId: string; code: string; outstandingFen: number };
type Room = { roomId: string; code: string; totalDueFen: number; bills: { billId: string; totalDueFen: number }[] };

/** 123456 分 → "1,234.56", as the page shows it (integers only) */
const yuan = (fen: number) => `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
const yuanInput = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** a PDF fetched as the signed-in page: its first bytes and size */
const fetchPdf = (page: Page, url: string) => page.evaluate(async (u) => {
  const res = await fetch(u);
  const buf = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...buf.slice(0, 5)), size: buf.length };
}, url);

/** Other browser suites start from empty inboxes: read this suite's messages away. */
async function readAllAway(logins: string[]) {
  for (const login of logins) {
    const ctx = await browser.newContext({ baseURL: baseURL() });
    expect((await ctx.request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } })).status()).toBe(200);
    await ctx.request.post('/api/notifications/read-all', { data: {} });
    await ctx.close();
  }
}

describe('cashier counter', () => {
  it('the cashier finds a room with unpaid bills, takes cash with change, gets the receipt number and its PDF, and finds the payment in 收款记录', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/payments/counter', 'cashier');
    await page.getByTestId('counter-search').waitFor();

    // a room of 阳光花园 that owes (not the demo resident's own 1-1-0101, which the online suite pays)
    const hits = (await apiCall(page, 'GET', '/api/payments/counter/rooms?q=3-2-')) as { items: Hit[] };
    const hit = hits.items.find((h) => h.outstandingFen > 0 && h.code !== '1-1-0101');
    expect(hit, JSON.stringify(hits).slice(0, 500)).toBeTruthy();

    // keyboard-first: type the code, Enter; a single hit is taken at once
    const search = page.getByTestId('counter-search').locator('input');
    await search.fill(hit!.code);
    await search.press('Enter');
    const several = page.locator(`[data-testid="counter-hit"][data-code="${hit!.code}"]`);
    const room = page.locator(`[data-testid="counter-room"][data-code="${hit!.code}"]`);
    await Promise.race([room.waitFor(), several.waitFor().then(() => several.click())]);
    await room.waitFor();
    const detail = (await apiCall(page, 'GET', `/api/payments/counter/rooms/${hit!.roomId}`)) as Room;
    expect(detail.bills.length).toBeGreaterThan(0);
    expect(await page.getByTestId('counter-room-due').textContent()).toBe(`¥${yuan(detail.totalDueFen)}`);
    // every bill ticked, the amount is what they come to today
    expect(await page.getByTestId('counter-bill').count()).toBe(detail.bills.length);
    expect(await page.getByTestId('counter-amount').inputValue()).toBe(yuanInput(detail.totalDueFen));

    // cash: the next 100 元 above the total; the change is exact
    const tendered = (Math.floor(detail.totalDueFen / 10000) + 1) * 10000;
    const change = tendered - detail.totalDueFen;
    await page.getByTestId('counter-tendered').fill(yuanInput(tendered));
    expect(await page.getByTestId('counter-change').textContent()).toBe(`¥${yuan(change)}`);
    // the server's preview says the same (debounced)
    await expect.poll(() => page.getByTestId('counter-preview-change').textContent(), { timeout: 10_000 }).toBe(`¥${yuan(change)}`);
    expect(await page.getByTestId('counter-preview-bills').textContent()).toBe(`¥${yuan(detail.totalDueFen)}`);
    await shot(page, 'payments-counter-cash');

    await page.getByTestId('counter-submit').click();
    await page.getByTestId('counter-success').waitFor();
    const receiptNo = (await page.getByTestId('counter-receipt-number').textContent())!.trim();
    expect(receiptNo).toMatch(/\S{4,}/);
    expect(await page.getByTestId('counter-success-change').textContent()).toBe(`¥${yuan(change)}`);
    await shot(page, 'payments-counter-success');

    // 打印收据 opens the PDF in a new tab: fetch the same link
    const href = (await page.getByTestId('counter-print').getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/payments\/[^/]+\/receipt\.pdf$/);
    const pdf = await fetchPdf(page, href);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(2000);

    // the room owes nothing now
    const after = (await apiCall(page, 'GET', `/api/payments/counter/rooms/${hit!.roomId}`)) as Room;
    expect(after.totalDueFen).toBe(0);

    // 下一位: back to an empty search, focused
    await page.getByTestId('counter-next').click();
    await page.getByTestId('counter-search').waitFor();
    expect(await search.inputValue()).toBe('');

    // 收款记录: found by its receipt number; the drawer lists what it paid
    await page.goto('/payments');
    await page.getByTestId('payment-filter-q').locator('input').fill(receiptNo);
    await page.getByTestId('payment-filter-q').locator('input').press('Enter');
    await page.getByTestId(`payment-row-${receiptNo}`).click();
    await page.getByTestId('payment-drawer').getByTestId('payment-receipt-number').filter({ hasText: receiptNo }).waitFor();
    expect(await page.getByTestId('payment-amount').textContent()).toBe(`¥${yuan(detail.totalDueFen)}`);
    expect(await page.getByTestId('payment-allocations').locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(detail.bills.length);
    // the cashier may not void
    expect(await page.getByTestId('payment-void').count()).toBe(0);
    await shot(page, 'payments-list-drawer');
    expect(errors).toEqual([]);
    await context.close();
    await readAllAway(['cashier']);
  });

  it('a project manager voids a same-day payment with a reason: the receipt keeps its number, the bill is owed again', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/payments', 'pm');
    await page.getByTestId('payment-table').waitFor();
    const hits = (await apiCall(page, 'GET', '/api/payments/counter/rooms?q=4-1-')) as { items: Hit[] };
    const hit = hits.items.find((h) => h.outstandingFen > 0)!;
    expect(hit).toBeTruthy();
    const room = (await apiCall(page, 'GET', `/api/payments/counter/rooms/${hit.roomId}`)) as Room;
    const bill = room.bills[0]!;
    const paid = await page.evaluate(async (body) => {
      const res = await fetch('/api/payments', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    }, { roomId: hit.roomId, channel: 'transfer', amountFen: bill.totalDueFen, billIds: [bill.billId], reference: 'E2E-VOID' });
    expect([200, 201], JSON.stringify(paid.body)).toContain(paid.status);
    const receiptNo = paid.body.receipt.number as string;

    await page.getByTestId('payment-filter-q').locator('input').fill(receiptNo);
    await page.getByTestId('payment-filter-q').locator('input').press('Enter');
    await page.getByTestId(`payment-row-${receiptNo}`).click();
    await page.getByTestId('payment-void').click();
    await page.getByTestId('payment-void-submit').click();
    await page.getByText('请填写作废原因').waitFor();
    await page.getByTestId('payment-void-reason').fill('金额录错，重新收款');
    await page.getByTestId('payment-void-submit').click();
    await page.getByTestId('payment-void-reason-shown').filter({ hasText: '金额录错' }).waitFor();
    expect(await page.getByTestId('payment-drawer').getByTestId('payment-status').textContent()).toBe('已作废');
    expect(await page.getByTestId('payment-drawer').getByTestId('payment-receipt-number').textContent()).toBe(receiptNo);
    expect(await page.getByTestId('payment-void').count()).toBe(0);
    const again = (await apiCall(page, 'GET', `/api/payments/counter/rooms/${hit.roomId}`)) as Room;
    expect(again.bills.some((b) => b.billId === bill.billId)).toBe(true);
    await shot(page, 'payments-voided');
    expect(errors).toEqual([]);
    await context.close();
    await readAllAway(['pm']);
  });
});
