import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, baseURL, DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
type MyBill = { id: string; feeItemName: string; periodFrom: string; balance: { totalDueFen: number } };

async function readAllAway(logins: string[]) {
  for (const login of logins) {
    const ctx = await browser.newContext({ baseURL: baseURL() });
    expect((await ctx.request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } })).status()).toBe(200);
    await ctx.request.post('/api/notifications/read-all', { data: {} });
    await ctx.close();
  }
}

describe('resident pays online at 375 px', () => {
  it('selects one bill, pays it on the sandbox pay page, comes back to the paid order with a receipt, and sees the bill paid', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    await loginAt(page, '/m/resident/', '13900000001');
    await page.getByTestId('my-bills-pay').click();
    await page.getByTestId('pay-bills-page').waitFor();
    await page.getByTestId('pay-bill').first().waitFor();
    const n = await page.getByTestId('pay-bill').count();
    expect(n).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);

    // only the oldest bill
    await page.getByTestId('pay-all').click();
    expect(await page.getByTestId('pay-submit').isDisabled()).toBe(true);
    const first = page.getByTestId('pay-bill').first();
    const billId = (await first.getAttribute('data-bill'))!;
    await first.getByTestId('pay-bill-check').click();
    const bill = (await apiCall(page, 'GET', `/api/me/bills/${billId}`)) as MyBill;
    expect(bill.balance.totalDueFen).toBeGreaterThan(0);
    const amount = `${Math.trunc(bill.balance.totalDueFen / 100).toLocaleString('en-US')}.${String(bill.balance.totalDueFen % 100).padStart(2, '0')}`;
    expect(await page.getByTestId('pay-total').textContent()).toBe(`¥${amount}`);
    await shot(page, 'payments-h5-select');

    // off to the provider's page, pay there, and back
    await page.getByTestId('pay-submit').click();
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.locator('#sandbox-pay').waitFor();
    expect(await page.locator('body').textContent()).toContain(amount.replace(/,/g, ''));
    await shot(page, 'payments-h5-sandbox');
    await page.locator('#sandbox-pay').click();
    await page.waitForURL(/\/m\/resident\/#\/pay\/orders\//);
    const result = page.getByTestId('pay-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('paid');
    const receiptNo = (await page.getByTestId('pay-receipt-number').textContent())!.trim();
    expect(receiptNo).toMatch(/\S{4,}/);
    await shot(page, 'payments-h5-paid');

    // the receipt downloads as a PDF
    const href = (await page.getByTestId('pay-receipt-download').getAttribute('href'))!;
    const pdf = await page.evaluate(async (u) => {
      const res = await fetch(u);
      const buf = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, head: String.fromCharCode(...buf.slice(0, 5)), size: buf.length };
    }, href);
    expect(pdf).toMatchObject({ status: 200, head: '%PDF-' });
    expect(pdf.size).toBeGreaterThan(2000);

    // my bills: the bill is paid
    await page.getByTestId('pay-to-bills').click();
    await page.getByTestId('my-bills-page').waitFor();
    const paid = (await apiCall(page, 'GET', `/api/me/bills/${billId}`)) as MyBill;
    expect(paid.balance.totalDueFen).toBe(0);
    await page.getByTestId('my-bills-status').getByText('已缴清').click();
    await page.locator(`[data-testid="my-bill"][data-period="${bill.periodFrom}"]`).filter({ hasText: bill.feeItemName }).first().waitFor();
    await shot(page, 'payments-h5-bills-paid');

    // 缴费记录 lists it with its receipt
    await page.goto('/m/resident/#/payments');
    await page.locator(`[data-testid="my-payment"][data-receipt="${receiptNo}"]`).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
    await readAllAway(['resident', 'cashier', 'pm']);
  });
});
