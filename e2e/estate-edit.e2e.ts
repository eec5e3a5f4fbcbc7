import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isValidChineseId } from '../packages/shared/src/validators.ts';
import { DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf, pick, typeDate } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** The check character that makes (or, with `valid` false, breaks) a mainland ID number. */
function idNumber(body17: string, valid: boolean) {
  const chars = '0123456789X'.split('');
  return body17 + chars.find((c) => isValidChineseId(body17 + c) === valid)!;
}

/** The smallest document the server takes for a PDF (it judges by the `%PDF` magic bytes). */
const minimalPdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj<</Title (${title})>>endobj\ntrailer<</Info 1 0 R>>\n%%EOF\n`);

/** A Chrome console line for a request the test provokes on purpose (a refused form). */
const expectedRefusal = (line: string) => /status of (400|409)/.test(line);

describe('estate console: changes', () => {
  it('pm: a vacant room is decorated, gets an owner (registered on the spot) and changes hands', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-estateStructure').click();
    await page.getByTestId('tree-building-2').click();
    await page.getByTestId('grid-cell-2-1-1601').waitFor();
    const vacant = page.locator('[data-testid^="grid-cell-"][data-status="vacant"]').first();
    const code = (await vacant.getAttribute('data-testid'))!.replace('grid-cell-', '');
    await vacant.click();
    await page.getByTestId('room-drawer-code').filter({ hasText: code }).waitFor();
    expect(await page.getByTestId('room-owners').innerText()).toBe('暂无业主');

    // 状态: decorating from today; the history and the grid follow
    await page.getByTestId('room-tab-status').click();
    await pick(page, 'room-status-select', '装修');
    await page.getByTestId('room-status-submit').click();
    await page.locator('[data-testid="room-status-history"] .ant-tag').first().filter({ hasText: '装修' }).waitFor();
    await expect.poll(() => page.getByTestId(`grid-cell-${code}`).getAttribute('data-status')).toBe('decorating');

    // 添加住户: a new person, refused first for a wrong ID check digit
    const n = String(Date.now() % 100000).padStart(5, '0');
    await page.getByTestId('room-tab-residents').click();
    await page.getByTestId('resident-add').click();
    await page.getByTestId('resident-person-create').click();
    await page.getByTestId('person-name').fill(`周测${n}`);
    await page.getByTestId('person-phone').fill(`1990998${n.slice(1)}`);
    await page.getByTestId('person-id-no').fill(idNumber(`11010519880808${n.slice(2)}`, false));
    await page.getByTestId('person-form-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '身份证号码不正确' }).waitFor();
    await page.getByTestId('person-id-no').fill(idNumber(`11010519880808${n.slice(2)}`, true));
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('resident-person').innerText()).toContain(`周测${n}`);
    await pick(page, 'resident-relation', '业主');
    await (await inputOf(page, 'resident-share')).fill('100');
    await typeDate(page, 'resident-valid-from', '2025-01-01');
    await page.getByTestId('resident-add-submit').click();
    await page.locator('[data-testid="room-residents"] .ant-table-row').filter({ hasText: `周测${n}` }).waitFor();

    // 过户 to someone registered in the dialog, with the sale contract uploaded from the dialog:
    // the first owner's relation ends, the new one's begins, and the contract stays in the room's 资料
    await page.getByTestId('resident-transfer').click();
    await page.getByTestId('transfer-owner-0-create').click();
    await page.getByTestId('person-name').fill(`吴新${n}`);
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('transfer-owner-0').innerText()).toContain(`吴新${n}`);
    expect(await page.getByTestId('transfer-total').innerText()).toContain('100.00%');
    const contract = `买卖合同-${n}.pdf`;
    const pdf = minimalPdf(contract);
    await page.locator('.ant-upload:has([data-testid="transfer-files-upload"]) input[type="file"]')
      .setInputFiles({ name: contract, mimeType: 'application/pdf', buffer: pdf });
    const picked = page.locator('[data-testid="transfer-files-table"] .ant-table-row').filter({ hasText: contract });
    await picked.waitFor();
    await expect.poll(() => picked.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await page.getByTestId('transfer-files-chosen').innerText()).toContain('已选 1');
    await shot(page, 'estate-transfer');
    await page.getByTestId('transfer-submit').click();
    const rows = page.locator('[data-testid="room-residents"] .ant-table-row');
    await rows.filter({ hasText: `吴新${n}` }).filter({ hasText: '当前' }).waitFor();
    await rows.filter({ hasText: `周测${n}` }).filter({ hasText: '历史' }).waitFor();
    // the transfer's audit entry names the contract
    const recorded = await page.evaluate(async (name) => {
      const [entry] = (await (await fetch('/api/audit-logs?action=resident.ownership_transferred&pageSize=1')).json()).items;
      const files: { id: string; name: string }[] = await (await fetch(`/api/files?ownerType=room&ownerId=${entry.entityId}`)).json();
      return { fileIds: entry.after.fileIds, contractId: files.find((f) => f.name === name)?.id };
    }, contract);
    expect(recorded.fileIds).toEqual([recorded.contractId]);
    await page.getByTestId('room-tab-files').click();
    const doc = page.locator('[data-testid="room-files-table"] .ant-table-row').filter({ hasText: contract });
    await doc.waitFor();
    expect(await doc.innerText()).toMatch(/\d+ B/);
    await shot(page, 'estate-room-files');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`room-file-download-${contract}`).click()]);
    expect(download.suggestedFilename()).toBe(contract);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    await page.getByTestId('room-tab-residents').click();
    await shot(page, 'estate-room-residents');
    await page.getByRole('tab', { name: '基本信息' }).click();
    await expect.poll(() => page.getByTestId('room-owners').innerText()).toBe(`吴新${n}（100%）`);

    // 编辑: exact areas with two decimals
    await page.getByTestId('room-edit').click();
    await (await inputOf(page, 'room-edit-area')).fill('90.5');
    await page.getByTestId('room-edit-save').click();
    await page.getByText('90.50 m²').waitFor();
    expect(errors.filter((e) => !expectedRefusal(e))).toEqual([]);
    await context.close();
  });

  it('pm approves a resident binding request that did not match the archive', async () => {
    const resident = await newPage(browser);
    await resident.page.goto('/m/resident/');
    const submitted = await resident.page.evaluate(async (password) => {
      const json = (r: Response) => r.json();
      const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('/api/auth/login', { login: 'resident', password });
      const [project] = await fetch('/api/binding/projects?q=阳光').then(json);
      const [room] = await fetch(`/api/binding/projects/${project.id}/rooms?code=3-2-0501`).then(json);
      return post('/api/me/room-bindings', { roomId: room.id, name: '吴小宝', relation: 'family' }).then(json);
    }, DEMO_PASSWORD);
    expect(submitted.status).toBe('pending');
    await resident.context.close();

    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-bindings').click();
    const row = page.locator('[data-testid="binding-table"] .ant-table-row').filter({ hasText: '吴小宝' });
    await row.waitFor();
    expect(await row.innerText()).toContain('3-2-0501');
    await shot(page, 'estate-bindings');
    await row.getByTestId('binding-approve').click();
    await page.getByTestId('binding-note').fill('已电话核实');
    await page.getByTestId('binding-decision-submit').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('binding-status').getByText('已通过').click();
    await page.locator('[data-testid="binding-table"] .ant-table-row').filter({ hasText: '吴小宝' }).filter({ hasText: '已电话核实' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hq (all projects) is asked for a project on the structure page; parking spaces are added there', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-estateStructure').click();
    await page.getByTestId('estate-choose-project').waitFor();
    await shot(page, 'estate-structure-choose-project');
    await pick(page, 'estate-choose-project', '阳光花园');
    await page.getByTestId('room-grid').waitFor();
    expect(await page.getByTestId('project-switcher').innerText()).toContain('阳光花园');

    await page.getByTestId('menu-parking').click();
    await page.locator('[data-testid="parking-table"] .ant-table-row').first().waitFor();
    await page.getByTestId('parking-create').click();
    const code = `T-${Date.now() % 10000}`;
    await page.getByTestId('parking-code').fill(code);
    await page.getByTestId('parking-form-submit').click();
    const search = await inputOf(page, 'parking-search');
    await search.fill(code);
    await search.press('Enter');
    await page.getByTestId(`parking-edit-${code}`).waitFor();
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
    await shot(page, 'estate-parking');
    expect(errors).toEqual([]);
    await context.close();
  });
});
