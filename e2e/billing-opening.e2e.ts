import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { pick } from './antd.ts';

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-opening-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ARREARS = ['房号*', '收费项目编码*', '账期开始*', '账期结束*', '欠费金额（元）*', '到期日', '备注'];
const PREPAID = ['房号*', '收费项目编码', '预存余额（元）*', '备注'];

/**
 * Two rooms of 阳光花园's tower 8 with 2023 arrears (before the demo's standards start, so no bill run
 * of the suite overlaps them), a general prepaid balance, and one bad row on each sheet.
 */
async function writeBook() {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('欠费');
  a.addRow(ARREARS);
  a.addRow(['8-2-1603', 'WYF', '2023-10-01', '2023-12-31', '1234.5', '2024-01-15', '旧系统四季度']);
  a.addRow(['8-2-1604', 'SF', '2023-12-01', '2023-12-31', '0.1', '', '']);
  a.addRow(['8-2-1699', 'WYF', '2023-10-01', '2023-12-31', '10', '', '']); // no such room
  const p = wb.addWorksheet('预存');
  p.addRow(PREPAID);
  p.addRow(['8-2-1603', '', '0.2', '旧系统预存']);
  p.addRow(['8-2-1604', 'ZXYJ', '50', '']); // a deposit item cannot be a prepaid earmark
  const file = path.join(tmp, '期初余额.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

async function sheets(download: Download) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  return Object.fromEntries(wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return [ws.name, rows];
  }));
}

const result = (page: Page) => page.getByTestId('import-result');
const upload = (page: Page, file: string) => page.getByTestId('opening-import').locator('.ant-upload input[type=file]').setInputFiles(file);

async function resultOf(page: Page) {
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 30_000 });
  return { status: await result.getAttribute('data-status'), imported: await page.getByTestId('import-imported-rows').innerText(), errors: await page.getByTestId('import-error-rows').innerText() };
}

describe('期初余额 import', () => {
  it('hq: downloads the template, imports the valid rows of a workbook, reads the report, and a second upload doubles nothing', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-openingImport').click();
    await page.getByTestId('opening-import').waitFor();

    const template = await sheets(await downloadOf(page, () => page.getByTestId('import-template').click()));
    expect(Object.keys(template)).toEqual(['欠费', '预存', '填写说明']);
    expect(template['欠费']![0]).toEqual(ARREARS);
    expect(template['预存']![0]).toEqual(PREPAID);

    // HQ looks at all projects: the project is chosen in the form, then the valid rows go in
    await pick(page, 'import-project-select', '阳光花园');
    await page.getByTestId('import-mode-valid_rows').click();
    const file = await writeBook();
    await upload(page, file);
    expect(await resultOf(page)).toEqual({ status: 'done', imported: '3', errors: '2' });
    expect(await result(page).getByTestId('opening-summary-bills').innerText()).toContain('2');
    expect(await result(page).getByTestId('opening-summary-arrearsFen').innerText()).toContain('¥1,234.60');
    expect(await result(page).getByTestId('opening-summary-prepaidFen').innerText()).toContain('¥0.20');
    await shot(page, 'billing-opening-done');

    const report = await sheets(await downloadOf(page, () => result(page).getByTestId('import-report').click()));
    expect(report['欠费']!.map((r) => r[7] ?? '').slice(1)).toEqual(['', '', '房号：8-2-1699 在本项目中不存在']);
    expect(report['预存']![2]![4]).toContain('不能专款预存');

    // the same file again: every good row is now a duplicate, nothing is written twice
    await page.getByTestId('import-again').click();
    await pick(page, 'import-project-select', '阳光花园');
    await page.getByTestId('import-mode-valid_rows').click();
    await upload(page, file);
    expect(await resultOf(page)).toEqual({ status: 'failed', imported: '0', errors: '5' });
    expect(await page.getByTestId('import-message').innerText()).toBe('没有可导入的行');
    await shot(page, 'billing-opening-again');

    const history = page.locator('[data-testid="opening-history"] .ant-table-row');
    await expect.poll(() => history.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="opening-history"] [data-status="failed"]').count()).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
