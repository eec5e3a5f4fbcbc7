import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf, pick } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** A Chrome console line for the refusal the test provokes on purpose (a tenant payer without a tenant). */
const expectedRefusal = (line: string) => /status of 409/.test(line);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const drawerStatus = (page: Page, status: string) => page.locator(`.ant-drawer-title [data-testid="room-status-${status}"]`);

describe('estate console: moving in and out, fee payers, project files', () => {
  it('pm: a vacant room gets an owner who moves in and out; the payer is refused as tenant and set to owner', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-estateStructure').click();
    await page.getByTestId('tree-building-2').click();
    await page.getByTestId('grid-cell-2-1-1601').waitFor();
    // the last one: estate-edit.e2e.ts decorates the first
    const vacant = page.locator('[data-testid^="grid-cell-"][data-status="vacant"]').last();
    const code = (await vacant.getAttribute('data-testid'))!.replace('grid-cell-', '');
    await vacant.click();
    await page.getByTestId('room-drawer-code').filter({ hasText: code }).waitFor();

    // nobody to move in yet: the dialog says so and cannot be submitted
    await page.getByTestId('room-tab-moves').click();
    await page.getByText('暂无入住 / 搬出记录').waitFor();
    await page.getByTestId('move-in-open').click();
    await page.getByText('该房间当前没有业主或住户').waitFor();
    expect(await page.getByTestId('move-in-submit').isDisabled()).toBe(true);
    await page.locator('.ant-modal:visible').getByRole('button', { name: /取\s*消/ }).click();

    // an owner registered on the spot
    const n = String(Date.now() % 100000).padStart(5, '0');
    const name = `郑迁${n}`;
    await page.getByTestId('room-tab-residents').click();
    await page.getByTestId('resident-add').click();
    await page.getByTestId('resident-person-create').click();
    await page.getByTestId('person-name').fill(name);
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('resident-person').innerText()).toContain(name);
    await pick(page, 'resident-relation', '业主');
    await (await inputOf(page, 'resident-share')).fill('100');
    await page.getByTestId('resident-add-submit').click();
    await page.locator('[data-testid="room-residents"] .ant-table-row').filter({ hasText: name }).waitFor();

    // 办理入住: the owner is ticked already; the room turns 入住, in the drawer and on the grid
    await page.getByTestId('room-tab-moves').click();
    await page.getByTestId('move-in-open').click();
    const tick = page.getByTestId('move-in-persons').locator('.ant-checkbox-wrapper').filter({ hasText: name });
    await expect.poll(() => tick.locator('input').isChecked()).toBe(true);
    expect(await (await inputOf(page, 'move-in-date')).inputValue()).toBe(today());
    await page.getByTestId('move-in-note').fill('钥匙已交付');
    await shot(page, 'estate-move-in');
    await page.getByTestId('move-in-submit').click();
    await drawerStatus(page, 'occupied').waitFor();
    const moveIn = page.getByTestId('room-move-move_in');
    await moveIn.waitFor();
    expect(await moveIn.innerText()).toContain(name);
    expect(await moveIn.innerText()).toContain('钥匙已交付');
    await expect.poll(() => page.getByTestId(`grid-cell-${code}`).getAttribute('data-status')).toBe('occupied');

    // 办理搬出: vacant again, both moves in the history
    await page.getByTestId('move-out-open').click();
    await page.getByTestId('move-out-end-relations').waitFor();
    await page.getByTestId('move-out-submit').click();
    await drawerStatus(page, 'vacant').waitFor();
    const moveOut = page.getByTestId('room-move-move_out');
    await moveOut.waitFor();
    expect(await moveOut.innerText()).toContain(name);
    await expect.poll(() => page.getByTestId(`grid-cell-${code}`).getAttribute('data-status')).toBe('vacant');
    await page.getByTestId('move-in-open').waitFor();
    await shot(page, 'estate-moves-history');

    // 付费人: a tenant without a tenant is refused with the server's reason; the owner is accepted
    await page.getByTestId('room-tab-payers').click();
    const payers = page.getByTestId('room-payers');
    await payers.locator('.ant-table-row').filter({ hasText: '默认' }).waitFor();
    await page.getByTestId('payer-who').getByText('租户').click();
    await page.getByTestId('payer-submit').click();
    await page.locator('.ant-message').getByText('房间没有租户，不能设为租户付费').waitFor();
    await page.getByTestId('payer-who').getByText('业主').click();
    await page.getByTestId('payer-submit').click();
    const fee = payers.locator('.ant-table-row').filter({ hasText: '物业费' });
    await fee.filter({ hasText: '已设置' }).waitFor();
    expect(await fee.innerText()).toContain('业主');
    expect(await fee.innerText()).toContain(today());
    await page.getByTestId('room-payers-history').locator('.ant-table-row').filter({ hasText: '物业费' }).waitFor();
    await shot(page, 'estate-room-payers');
    expect(errors.filter((e) => !expectedRefusal(e))).toEqual([]);
    await context.close();
  });

  it('hq uploads a drawing to 阳光花园 and finds it listed with a thumbnail and downloadable', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('project-files-YGHY').click();
    await page.getByText('暂无附件').or(page.locator('[data-testid="project-files-table"] .ant-table-row').first()).waitFor();

    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 22, g: 119, b: 255 } } }).png().toBuffer();
    const fileName = `总平面图-${Date.now() % 100000}.png`;
    await page.locator('.ant-drawer input[type="file"]').setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png });
    const row = page.locator('[data-testid="project-files-table"] .ant-table-row').filter({ hasText: fileName });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\d+ B|KB/);
    const thumb = row.locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await shot(page, 'project-files');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`project-file-download-${fileName}`).click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(png)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
