import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf, pick } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/**
 * The demo seeds standards but no bills, so this month (Asia/Shanghai) of 阳光花园 has never been
 * billed: the run bills it, the resident 1-1-0101 (吴业主) then sees the bill at 390 × 844.
 */
const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

describe('bill run → bills → waiver → resident', () => {
  it('the project manager runs this month\'s bills from the wizard, opens a bill and asks for a waiver; HQ approves it; the resident sees the bill', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/billing/runs', 'pm');
    await page.getByTestId('run-create').click();
    await pick(page, 'run-project', '阳光花园');
    const monthInput = await inputOf(page, 'run-month');
    await monthInput.click();
    await monthInput.fill(month);
    await monthInput.press('Enter');
    await page.getByTestId('run-preview-btn').click();
    const preview = page.getByTestId('run-preview');
    await preview.getByText('物业服务费').waitFor();
    const previewBills = Number(await page.getByTestId('run-preview-bills').textContent());
    expect(previewBills).toBeGreaterThan(0);
    const previewTotal = await page.getByTestId('run-preview-total').textContent();
    expect(previewTotal).toMatch(/^[\d,]+\.\d{2}$/);
    await shot(page, 'billing-run-preview');

    await page.getByTestId('run-start').click();
    await page.getByTestId('run-progress').waitFor();
    await page.getByTestId('run-result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('run-bills-created').textContent()).toBe(String(previewBills));
    expect(await page.getByTestId('run-result-text').textContent()).toContain(`合计 ${previewTotal} 元`);
    await shot(page, 'billing-run-result');
    await page.getByTestId('run-close').click();
    await page.getByTestId('run-table').getByTestId('run-status-done').first().waitFor();

    // the same month again: nothing left to bill, and starting anyway is the server's 409, said on the wizard
    await page.getByTestId('run-create').click();
    await pick(page, 'run-project', '阳光花园');
    await monthInput.click();
    await monthInput.fill(month);
    await monthInput.press('Enter');
    await page.getByTestId('run-preview-btn').click();
    await page.getByTestId('run-nothing').waitFor();
    expect(await page.getByTestId('run-preview-bills').textContent()).toBe('0');
    await page.getByTestId('run-start').click();
    await page.getByTestId('run-error').getByText('已有账单批次').waitFor();
    await page.keyboard.press('Escape');

    // 账单: this month's bill of 1-1-0101
    await page.goto(new URL('/billing/bills', page.url()).toString());
    const code = await inputOf(page, 'bill-filter-code');
    await code.fill('1-1-0101');
    await code.press('Enter');
    const row = page.getByTestId('bill-table').locator('tr').filter({ hasText: `${month}-01` }).filter({ hasText: '物业服务费' });
    await row.waitFor();
    await row.click();
    await page.getByTestId('bill-drawer-title').waitFor();
    await page.getByTestId('bill-lines').getByText('住宅物业服务费').waitFor();
    const due = await page.getByTestId('bill-total-due').textContent();
    await shot(page, 'billing-bill-detail');

    await page.getByTestId('bill-waive').click();
    await page.getByTestId('waiver-principal').fill('12.345');
    await page.getByTestId('waiver-reason').fill('业主反映漏水');
    await page.getByTestId('waiver-submit').click();
    await page.getByText('请输入金额（元），最多 2 位小数').waitFor();
    await page.getByTestId('waiver-principal').fill('10.50');
    await page.getByTestId('waiver-submit').click();
    await page.getByText('已提交减免申请').waitFor();
    await page.getByTestId('bill-waivers').getByTestId('waiver-status-requested').waitFor();

    // the requester cannot approve their own request: the server's 403 is said plainly
    await page.goto(new URL('/billing/waivers', page.url()).toString());
    await page.getByTestId('waiver-approve-1-1-0101').click();
    await page.getByTestId('waiver-decide-submit').click();
    await page.getByTestId('waiver-forbidden').waitFor();
    expect(await page.getByTestId('waiver-forbidden').textContent()).toMatch(/.+/);
    await page.getByRole('button', { name: /知道了|OK|确定/ }).last().click();
    await page.keyboard.press('Escape');
    await context.close();

    // HQ approves it
    const hq = await newPage(browser);
    await loginAt(hq.page, '/billing/waivers', 'hq');
    await hq.page.getByTestId('waiver-approve-1-1-0101').click();
    await hq.page.getByTestId('waiver-note').fill('同意');
    await hq.page.getByTestId('waiver-decide-submit').click();
    await hq.page.getByText('已批准减免').waitFor();
    await shot(hq.page, 'billing-waiver-approved');
    // the month just billed is in the collection report (by month, this year), and the ageing report draws
    await hq.page.goto(new URL('/billing/reports', hq.page.url()).toString());
    await hq.page.getByTestId('collection-chart').locator('canvas').waitFor();
    await hq.page.getByTestId('collection-table').locator('tr').filter({ hasText: month }).first().waitFor();
    await shot(hq.page, 'billing-collection-after-run');
    await hq.page.getByRole('tab', { name: '欠费账龄' }).click();
    await hq.page.getByTestId('ageing-chart').locator('canvas').waitFor();
    expect(hq.errors).toEqual([]);
    await hq.context.close();

    // the resident, on a phone: this month's bill with 10.50 less to pay
    const res = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
    const phone = await res.newPage();
    const phoneErrors: string[] = [];
    phone.on('pageerror', (e) => phoneErrors.push(e.message));
    await loginAt(phone, '/m/resident/', '13900000001');
    await phone.getByTestId('my-bills-link').click();
    // (an earlier suite may have bound the resident to a second room: this is 1-1-0101's)
    const bill = phone.locator(`[data-testid="my-bill"][data-period="${month}-01"][data-code="1-1-0101"]`).filter({ hasText: '物业服务费' });
    await bill.waitFor();
    const cents = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, '').replace('.', ''));
    expect(cents(await bill.getByTestId('my-bill-due').textContent())).toBe(cents(due) - 1050);
    expect(await noHorizontalScroll(phone)).toBe(true);
    await shot(phone, 'resident-my-bills');
    await bill.click();
    await phone.getByTestId('my-bill-detail').waitFor();
    await phone.getByTestId('my-bill-line').first().waitFor();
    expect(await noHorizontalScroll(phone)).toBe(true);
    await shot(phone, 'resident-my-bill');
    await phone.getByTestId('back-bills').click();
    // with more than one room the statement is a chosen room's; wait for the rooms to load before deciding which
    const roomPicker = phone.getByTestId('my-bills-room');
    await phone.getByTestId('my-statement-link').or(roomPicker).first().waitFor();
    if (await roomPicker.count()) await pick(phone, 'my-bills-room', '1-1-0101');
    await phone.getByTestId('my-statement-link').click();
    await phone.getByTestId('my-statement-closing').waitFor();
    await phone.getByTestId('my-statement-entry').first().waitFor();
    expect(await noHorizontalScroll(phone)).toBe(true);
    await shot(phone, 'resident-my-statement');
    const [pdf] = await Promise.all([phone.waitForEvent('download'), phone.getByTestId('my-statement-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^对账单-1-1-0101-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 4).toString()).toBe('%PDF');
    expect(phoneErrors).toEqual([]);
    await res.close();
    expect(errors.filter((e) => !/status of (403|409)/.test(e))).toEqual([]);
  });
});
