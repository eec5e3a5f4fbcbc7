import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { isValidChineseId } from '../packages/shared/src/validators.ts';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { pick } from './antd.ts';

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-import-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The rooms template's header row, exactly as the server writes it (* marks a required column). */
const ROOM_HEADERS = ['楼栋编号*', '楼栋名称', '单元*', '楼层*', '房号*', '房间编码', '房屋类型*', '建筑面积*', '套内面积', '房屋状态', '交付日期',
  '业主姓名', '业主手机', '业主证件类型', '业主证件号码', '业主起始日期'];

/** A building code the demo data does not use; the project's pattern makes its rooms E9-<unit>-<floor><number>. */
const BUILDING = 'E9';
const BAD_ID = '110105198001010010';

type Row = (string | number)[];
const room = (floor: number, number: number, over: Partial<Record<'type' | 'area' | 'name' | 'phone' | 'idType' | 'idNo', string | number>> = {}): Row => [
  BUILDING, `${BUILDING}号楼`, '1', floor, number, '', over.type ?? '住宅', over.area ?? 89.5, 72.3, '入住', '2024-05-01',
  over.name ?? '', over.phone ?? '', over.idType ?? '', over.idNo ?? '', '',
];
const GOOD: Row[] = [
  room(1, 1, { name: '林晓东', phone: '13912340101' }),
  room(1, 2, { name: '周雨桐', phone: '13912340102' }),
  room(1, 3),
  room(1, 4),
  room(2, 1, { name: '郑一鸣', phone: '13912340201' }),
  room(2, 2),
];
/** three rows the server must refuse, one reason each; told apart in the report by their floor-3 房号 */
const BAD: Row[] = [
  room(3, 1, { type: '别墅' }),
  room(3, 2, { area: -3 }),
  room(3, 3, { name: '吴错号', idType: '居民身份证', idNo: BAD_ID }),
];

async function writeRooms(name: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋');
  ws.addRow(ROOM_HEADERS);
  for (const r of [...GOOD.slice(0, 3), ...BAD, ...GOOD.slice(3)]) ws.addRow(r);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The first sheet of a downloaded workbook as text: its header row and the rows under it. */
async function readDownload(download: Download) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  const text = (r: number) => Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(r).getCell(i + 1).text.trim());
  const rows: string[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (text(r).some(Boolean)) rows.push(text(r));
  return { headers: text(1).filter(Boolean), rows };
}

async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** A Chrome console line for the upload refused on purpose (a text file). */
const expected400 = (line: string) => /status of 400/.test(line);

async function openRoomsImport(page: Page) {
  await page.getByTestId('excel-import').click();
  await page.getByTestId('import-mode').waitFor();
}

async function closeImport(page: Page) {
  await page.getByTestId('import-dialog').locator('.ant-modal-close').click();
  await page.getByTestId('import-dialog').locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
}

const upload = (page: Page, files: string | { name: string; mimeType: string; buffer: Buffer }) =>
  page.getByTestId('import-dialog').locator('.ant-upload input[type=file]').setInputFiles(files);

async function resultOf(page: Page) {
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 30_000 });
  return { status: await result.getAttribute('data-status'), errors: await page.getByTestId('import-error-rows').innerText() };
}

describe('estate Excel import / export', () => {
  it('pm: a rooms sheet with three bad rows fails as a whole, its report marks exactly those rows, then the valid rows go in', async () => {
    expect(isValidChineseId(BAD_ID)).toBe(false);
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-rooms').click();
    await page.locator('[data-testid="rooms-table"] .ant-table-row').first().waitFor();
    await openRoomsImport(page);
    expect(await page.getByTestId('import-project').innerText()).toBe('阳光花园');
    expect(await page.getByTestId('import-mode-all_or_nothing').isChecked()).toBe(true);

    // the template behind the link has the header row the test builds its sheet with
    const template = await readDownload(await downloadOf(page, () => page.getByTestId('import-template').click()));
    expect(template.headers).toEqual(ROOM_HEADERS);

    // not a workbook: the server's reason is shown in the dialog
    await upload(page, { name: 'rooms.txt', mimeType: 'text/plain', buffer: Buffer.from('楼栋编号,单元\nE9,1\n') });
    await expect.poll(() => page.getByTestId('import-upload-error').innerText()).toBe('请上传 Excel（.xlsx）文件');
    await shot(page, 'estate-import-not-xlsx');

    // all or nothing (the default): three bad rows, nothing imported
    const file = await writeRooms('rooms-e9.xlsx');
    await upload(page, file);
    expect(await resultOf(page)).toEqual({ status: 'failed', errors: '3' });
    expect(await page.getByTestId('import-imported-rows').innerText()).toBe('0');
    expect(await page.getByTestId('import-message').innerText()).toContain('3 行有错误');
    await shot(page, 'estate-import-failed');

    const report = await downloadOf(page, () => page.getByTestId('import-report').click());
    expect(report.suggestedFilename()).toMatch(/^错误报告-.*\.xlsx$/);
    const sheet = await readDownload(report);
    const errorCol = sheet.headers.indexOf('错误说明');
    const floorCol = sheet.headers.indexOf('楼层*');
    const numberCol = sheet.headers.indexOf('房号*');
    expect(errorCol).toBeGreaterThan(0);
    expect(sheet.rows).toHaveLength(GOOD.length + BAD.length);
    const marked = sheet.rows.filter((r) => r[errorCol]);
    expect(marked.map((r) => `${r[floorCol]}-${r[numberCol]}`)).toEqual(['3-1', '3-2', '3-3']);
    expect(marked[0]![errorCol]).toContain('房屋类型');
    expect(marked[1]![errorCol]).toContain('建筑面积');
    expect(marked[2]![errorCol]).toContain('证件');

    // the same file again, valid rows only: the six good rooms go in, the three bad rows are reported again
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-mode-valid_rows').click();
    await upload(page, file);
    expect(await resultOf(page)).toEqual({ status: 'done', errors: '3' });
    expect(await page.getByTestId('import-imported-rows').innerText()).toBe(String(GOOD.length));
    expect(await page.getByTestId('import-summary-rooms').innerText()).toContain(String(GOOD.length));
    expect(await page.getByTestId('import-summary-buildings').innerText()).toContain('1');
    await shot(page, 'estate-import-valid-rows');

    // both imports are in the history, the failed one with its report
    await page.getByTestId('import-history-open').click();
    const history = page.locator('[data-testid="import-history"] .ant-table-row');
    await expect.poll(() => history.count()).toBe(2);
    expect(await page.locator('[data-testid="import-history"] [data-status="failed"]').count()).toBe(1);
    expect(await page.locator('[data-testid="import-history"] [data-testid="import-report"]').count()).toBe(2);
    await shot(page, 'estate-import-history');
    await page.locator('.ant-drawer-close:visible').click();
    await expect.poll(() => page.locator('.ant-drawer-close:visible').count()).toBe(0);
    await closeImport(page);

    // the good rooms are in the rooms list, codes from the project's pattern
    await page.getByTestId('rooms-code').fill(`${BUILDING}-`);
    await page.getByTestId('rooms-search').click();
    const rows = page.locator('[data-testid="rooms-table"] .ant-table-row');
    await expect.poll(() => rows.count()).toBe(GOOD.length);
    for (const code of ['E9-1-0101', 'E9-1-0104', 'E9-1-0202']) expect(await page.getByTestId(`room-row-${code}`).count()).toBe(1);
    expect(await page.getByTestId('room-row-E9-1-0301').count()).toBe(0);
    await shot(page, 'estate-import-rooms-list');
    expect(errors.filter((e) => !expected400(e))).toEqual([]);
    await context.close();
  });

  it('pm: 导出 on the rooms list downloads the filtered rooms in the template layout', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-rooms').click();
    await page.locator('[data-testid="rooms-table"] .ant-table-row').first().waitFor();
    await page.getByTestId('rooms-code').fill(`${BUILDING}-`);
    await page.getByTestId('rooms-search').click();
    await expect.poll(() => page.locator('[data-testid="rooms-table"] .ant-table-row').count()).toBe(GOOD.length);

    // residents are imported from the rooms list too, through the import menu
    await page.getByTestId('excel-import-more').click();
    await page.getByTestId('excel-import-residents').click();
    await expect.poll(() => page.getByTestId('import-dialog').locator('.ant-modal-title').innerText()).toBe('导入住户');
    expect(await page.getByTestId('import-template').innerText()).toContain('住户');
    await closeImport(page);

    const exported = await downloadOf(page, () => page.getByTestId('excel-export').click());
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readDownload(exported);
    expect(sheet.headers).toEqual(ROOM_HEADERS);
    const codeCol = ROOM_HEADERS.indexOf('房间编码');
    expect(sheet.rows.map((r) => r[codeCol]).sort()).toEqual(['E9-1-0101', 'E9-1-0102', 'E9-1-0103', 'E9-1-0104', 'E9-1-0201', 'E9-1-0202']);
    expect(sheet.rows.find((r) => r[codeCol] === 'E9-1-0101')![ROOM_HEADERS.indexOf('业主姓名')]).toBe('林晓东');

    // the other lists carry the same buttons
    for (const [menu, table, create] of [['parking', 'parking-table', 'parking-create'], ['vehicles', 'vehicle-table', 'vehicle-create'], ['persons', 'persons-table', 'person-create']]) {
      await page.getByTestId(`menu-${menu}`).click();
      await page.getByTestId(table).waitFor();
      await page.getByTestId(create).waitFor();
      expect(await page.getByTestId('excel-import').innerText()).toContain('导入');
      expect(await page.getByTestId('excel-export').count()).toBe(1);
    }
    await shot(page, 'estate-import-persons-toolbar');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hq (all projects) chooses the project in the dialog before uploading; cs may export but not import', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-parking').click();
    await page.getByTestId('parking-table').waitFor();
    await page.getByTestId('excel-import').click();
    const dialog = page.getByTestId('import-dialog');
    await page.getByTestId('import-project-select').waitFor();
    expect(await dialog.locator('.ant-upload-disabled').count()).toBeGreaterThan(0);
    await shot(page, 'estate-import-hq-choose-project');
    await pick(page, 'import-project-select', '阳光花园');
    expect(await dialog.locator('.ant-upload-disabled').count()).toBe(0);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('车位');
    ws.addRow(['车位编号*', '面积', '车位类型*', '绑定房间编码']);
    ws.addRow(['Q9-01', 12.5, '产权', '']);
    ws.addRow(['Q9-02', '', '临时', '']);
    const file = path.join(tmp, 'parking-q9.xlsx');
    await wb.xlsx.writeFile(file);
    await upload(page, file);
    expect(await resultOf(page)).toEqual({ status: 'done', errors: '0' });
    expect(await page.getByTestId('import-summary-parking').innerText()).toContain('2');
    await closeImport(page);
    await page.getByTestId('parking-search').locator('input').fill('Q9-');
    await page.getByTestId('parking-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('[data-testid="parking-table"] .ant-table-row').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();

    const cs = await newPage(browser);
    await loginAt(cs.page, '/', 'cs');
    await cs.page.getByTestId('menu-rooms').click();
    await cs.page.getByTestId('excel-export').waitFor();
    expect(await cs.page.getByTestId('excel-import').count()).toBe(0);
    expect(cs.errors).toEqual([]);
    await cs.context.close();
  });
});
