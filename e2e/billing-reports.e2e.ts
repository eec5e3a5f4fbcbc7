import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

describe('billing reports console', () => {
  it('HQ sees 收缴率 / 欠费账龄 / 收入 each with a chart and a table, drills into ageing rooms, and downloads an xlsx', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/billing/reports', 'hq');
    await page.getByRole('heading', { name: '收费报表' }).or(page.getByText('收费报表').first()).first().waitFor();

    await page.getByTestId('collection-chart').locator('canvas').waitFor();
    await page.getByTestId('collection-table').waitFor();
    await page.getByTestId('collection-table').getByText('合计', { exact: true }).waitFor();
    await shot(page, 'billing-reports-collection');

    await page.getByRole('tab', { name: '欠费账龄' }).click();
    await page.getByTestId('ageing-chart').locator('canvas').waitFor();
    await page.getByTestId('ageing-table').getByText('合计', { exact: true }).waitFor();
    const drill = page.locator('[data-testid^="ageing-drill-"]').first();
    if (await drill.count()) {
      await drill.click();
      await page.getByTestId('ageing-rooms-table').waitFor();
      await page.keyboard.press('Escape');
    }
    await shot(page, 'billing-reports-ageing');

    await page.getByRole('tab', { name: '收入' }).click();
    await page.getByTestId('income-chart').locator('canvas').waitFor();
    await page.getByTestId('income-table').getByText('合计', { exact: true }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-income-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^收入报表-\d{4}-\d{2}至\d{4}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('收费项目');
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
    await shot(page, 'billing-reports-income');
    expect(errors).toEqual([]);
    await context.close();
  });
});
