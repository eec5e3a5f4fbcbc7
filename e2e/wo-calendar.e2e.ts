import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { pick } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

describe('工作日历', () => {
  it('HQ sees 国庆 and its 调休 Saturday, is warned about an unknown year, and sets then clears a day off', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders/calendar', 'hq');
    await pick(page, 'wo-cal-year', '2026');
    const oct1 = page.getByTestId('wo-cal-day-2026-10-01');
    await oct1.waitFor();
    expect(await oct1.getAttribute('data-kind')).toBe('holiday');
    expect(await page.getByTestId('wo-cal-day-2026-10-10').getAttribute('data-kind')).toBe('workday');
    expect(await page.getByTestId('wo-cal-unknown-year').count()).toBe(0);
    await shot(page, 'wo-calendar-2026');

    await page.getByTestId('wo-cal-next').click();
    await page.getByTestId('wo-cal-unknown-year').waitFor();
    const day = page.getByTestId('wo-cal-day-2027-01-04');
    expect(await day.getAttribute('data-source')).toBe('');
    await day.click();
    await page.getByTestId('wo-cal-kind-holiday').click();
    await page.getByTestId('wo-cal-note').fill('元旦调整');
    await page.getByTestId('wo-cal-save').click();
    await expect.poll(() => day.getAttribute('data-source')).toBe('override');
    expect(await day.getAttribute('data-kind')).toBe('holiday');
    await shot(page, 'wo-calendar-2027-override');

    await day.click();
    await page.getByTestId('wo-cal-clear').click();
    await expect.poll(() => day.getAttribute('data-source')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the desk sees the calendar but cannot change it', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders/calendar', 'cs');
    await pick(page, 'wo-cal-year', '2026');
    const oct1 = page.getByTestId('wo-cal-day-2026-10-01');
    await oct1.waitFor();
    expect(await oct1.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
