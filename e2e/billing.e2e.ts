import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

async function pick(page: Page, selectTestId: string, option: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function typeDate(page: Page, testId: string, day: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('billing console', () => {
  it('HQ creates a fee item and a standard with an exact price; a zero price is refused on its field; a new version closes the old one', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/billing/fee-items', 'hq');
    const code = `E2E${Date.now() % 100000}`;
    await page.getByTestId('fee-item-create').click();
    await page.getByTestId('fee-item-code').fill(code);
    await page.getByTestId('fee-item-name').fill('测试物业费');
    await page.getByTestId('fee-item-invoice').fill('物业服务');
    await page.getByTestId('fee-item-submit').click();
    await page.getByTestId('fee-item-table').getByText(code).waitFor();

    await page.goto(new URL('/billing/standards', page.url()).toString());
    // HQ holds the company setting; off by default
    expect(await page.getByTestId('billing-project-standards').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('standard-create').click();
    await pick(page, 'standard-fee-item', code);
    await page.getByTestId('standard-code').fill(`S${code}`);
    await page.getByTestId('standard-name').fill('测试住宅物业费');
    await page.getByTestId('rule-unit-price').fill('0');
    await typeDate(page, 'standard-valid-from', '2026-01-01');
    await page.getByTestId('standard-submit').click();
    await page.getByText('大于 0，最多 4 位小数').first().waitFor();
    await page.getByTestId('rule-unit-price').fill('1.2345');
    await page.getByTestId('standard-submit').click();
    const row = page.getByTestId('standard-table').locator('tr').filter({ hasText: `S${code}` });
    await row.getByText('1.2345 元/m²/月').waitFor();

    await row.getByRole('button').click();
    await page.getByTestId('standard-add-version').click();
    await page.getByTestId('rule-unit-price').last().fill('1.5');
    await typeDate(page, 'version-valid-from', '2026-07-01');
    await page.getByTestId('version-submit').click();
    const versions = page.getByTestId('standard-versions');
    await versions.getByText('1.5000 元/m²/月').waitFor();
    expect(await versions.getByText('2026-06-30').count()).toBe(1);
    await shot(page, 'billing-standard-versions');
    expect(errors).toEqual([]);
    await context.close();
  });
});
