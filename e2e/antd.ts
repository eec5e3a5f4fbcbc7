import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Chooses an option of an antd Select; tries again when the click landed while a drawer was still sliding in. */
export async function pick(page: Page, selectTestId: string, option: string) {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; ; attempt++) {
    if ((await open.count()) === 0) await page.getByTestId(selectTestId).click();
    await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await expect.poll(() => open.count(), { timeout: 1500 }).toBe(0);
      return;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
}

/** Picks an option of a multi-select, whose dropdown stays open for the next choice. */
export async function pickMany(page: Page, selectTestId: string, option: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The <input> of an antd field, whether its test id sits on the input itself or on a wrapper. */
export async function inputOf(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
}

/** An antd DatePicker: type the day and confirm it. */
export async function typeDate(page: Page, testId: string, day: string) {
  const input = await inputOf(page, testId);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}
