import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

async function noHorizontalScroll(page: import('playwright-core').Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('phone apps at 375 px', () => {
  it('staff H5: a technician signs in and lands on the home page', async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    await loginAt(page, '/m/staff/', 'tech');
    await page.waitForSelector('[data-testid="h5-home"]');
    expect(await noHorizontalScroll(page)).toBe(true);
    const manifest = await page.evaluate(async () => (await fetch('/m/staff/manifest.webmanifest')).json());
    expect(manifest.scope).toBe('/m/staff/');
    await shot(page, 'h5-staff-home');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resident H5: a resident signs in and lands on the home page', async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    await loginAt(page, '/m/resident/', '13900000001');
    await page.waitForSelector('[data-testid="h5-home"]');
    expect(await noHorizontalScroll(page)).toBe(true);
    const manifest = await page.evaluate(async () => (await fetch('/m/resident/manifest.webmanifest')).json());
    expect(manifest.scope).toBe('/m/resident/');
    await shot(page, 'h5-resident-home');
    expect(errors).toEqual([]);
    await context.close();
  });
});
