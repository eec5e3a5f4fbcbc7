import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const fillNumber = async (page: Page, testId: string, value: string) => (await inputOf(page, testId)).fill(value);

/** GET as the signed-in user, with the header's project like the console sends it. */
const apiGet = (page: Page, path: string) =>
  page.evaluate(async (p) => {
    const projectId = localStorage.getItem('projectId');
    const res = await fetch(p, { headers: projectId ? { 'x-project-id': projectId } : {} });
    return res.json();
  }, path);

/** A Chrome console line for a request the test provokes on purpose (a refused form). */
const expected400 = (line: string) => /status of 400/.test(line);

async function openStructure(page: Page) {
  await page.getByTestId('menu-estateStructure').click();
  await page.getByTestId('room-grid').waitFor();
}

describe('estate console', () => {
  it('pm: the 阳光花园 room grid is coloured by status and a room opens with its owner', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await openStructure(page);
    expect(await page.getByTestId('tree-project').innerText()).toContain('阳光花园');

    const cells = page.locator('[data-testid^="grid-cell-"]');
    expect(await cells.count()).toBe(128); // tower 1: 2 units × 16 floors × 4 rooms
    const occupied = page.locator('[data-testid^="grid-cell-"][data-status="occupied"]');
    expect(await occupied.count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid^="grid-cell-"][data-status="vacant"]').count()).toBeGreaterThan(0);
    expect(await occupied.first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(82, 196, 26)');
    expect(await page.getByTestId('legend-occupied').innerText()).toMatch(/入住\s*\d+/);
    await expect.poll(() => page.getByTestId('occupancy').innerText()).toMatch(/入住率[\s\S]*\d+\.\d{2}/);
    await shot(page, 'estate-structure-grid');

    await occupied.first().click();
    await page.getByTestId('room-drawer-code').waitFor();
    const owners = page.getByTestId('room-owners');
    await expect.poll(() => owners.innerText()).toMatch(/^[\u4e00-\u9fff]{2,3}（100%）/);
    await page.getByTestId('room-tab-residents').click();
    await page.locator('[data-testid="room-residents"] .ant-table-row').first().waitFor();
    expect(await page.getByTestId('room-residents').innerText()).toContain('业主');
    await page.getByTestId('room-tab-status').click();
    await page.getByTestId('room-status-history').waitFor();
    await shot(page, 'estate-room-drawer');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pm: generates a small building through the wizard (preview, then create) and finds it in the tree', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await openStructure(page);
    const code = `E${Date.now() % 10000}`;

    await page.getByTestId('gen-open').click();
    await page.getByTestId('gen-code').fill(code);
    await page.getByTestId('gen-name').fill(`${code}号楼`);
    await page.getByTestId('gen-next').click();
    await fillNumber(page, 'gen-units', '1');
    await fillNumber(page, 'gen-floors', '3');
    await fillNumber(page, 'gen-roomsPerFloor', '2');
    await fillNumber(page, 'gen-area-1', '120.55');
    await page.getByTestId('gen-next').click();
    await page.getByTestId('gen-preview').waitFor();
    expect(await page.getByTestId('gen-preview-rooms').innerText()).toBe('6');
    const preview = await page.getByTestId('gen-preview').innerText();
    expect(preview).toContain('630.15 m²'); // 3 × (89.50 + 120.55)
    expect(preview).toContain(`${code}-1-0101`);
    await shot(page, 'estate-generate-preview');

    await page.getByTestId('gen-create').click();
    await page.getByTestId(`tree-building-${code}`).waitFor();
    await page.getByTestId(`grid-cell-${code}-1-0302`).waitFor();
    expect(await page.locator('[data-testid^="grid-cell-"]').count()).toBe(6);
    expect(await page.locator('[data-testid^="grid-cell-"][data-status="vacant"]').count()).toBe(6);
    await shot(page, 'estate-generated-building');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cs: finds a room by its owner phone; phones stay masked without pii.view', async () => {
    // the phone of an owner, read in full by pm (pii.view, audited)
    const pm = await newPage(browser);
    await loginAt(pm.page, '/', 'pm');
    await pm.page.getByTestId('menu-rooms').waitFor();
    const rooms = await apiGet(pm.page, '/api/rooms?status=occupied&pageSize=1');
    const room = rooms.items[0];
    const residents = await apiGet(pm.page, `/api/rooms/${room.id}/residents`);
    const owner = residents.find((r: { relation: string; validTo: string | null }) => r.relation === 'owner' && !r.validTo);
    const person = await apiGet(pm.page, `/api/persons/${owner.personId}?reveal=1`);
    expect(person.phone).toMatch(/^1\d{10}$/);
    await pm.context.close();

    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'cs');
    await page.getByTestId('menu-rooms').click();
    await page.locator('[data-testid="rooms-table"] .ant-table-row').first().waitFor();
    await page.getByTestId('rooms-phone').fill(person.phone);
    await page.getByTestId('rooms-search').click();
    await expect.poll(() => page.locator('[data-testid="rooms-table"] .ant-table-row').count()).toBe(1);
    expect(await page.getByTestId(`room-row-${room.code}`).count()).toBe(1);
    // the row names its owner, with the phone masked
    const row = await page.getByTestId(`room-row-${room.code}`).innerText();
    expect(row).toContain(owner.name);
    expect(row).toContain(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
    await shot(page, 'estate-rooms-by-phone');

    // the row opens the same drawer, owner included; cs may look but not change
    await page.getByTestId(`room-row-${room.code}`).click();
    await expect.poll(() => page.getByTestId('room-owners').innerText()).toContain(owner.name);
    expect(await page.getByTestId('room-edit').count()).toBe(0);
    // … and the room's documents (identity papers) are not offered at all
    expect(await page.getByTestId('room-tab-files').count()).toBe(0);
    await page.keyboard.press('Escape');

    // 住户档案: customer service holds no pii.view — masked phones, no "show in full"
    expect((await apiGet(page, '/api/auth/me')).permissions).not.toContain('pii.view');
    await page.getByTestId('menu-persons').click();
    const phones = page.getByTestId('person-phone-cell');
    await phones.first().waitFor();
    const shown = await phones.allInnerTexts();
    expect(shown.filter((p) => p !== '—').every((p) => /^1\d{2}\*{4}\d{4}$/.test(p))).toBe(true);
    expect(await page.getByTestId('person-reveal').count()).toBe(0);
    expect(await page.getByTestId('person-create').count()).toBe(0);
    await shot(page, 'estate-persons-cs');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pm: reveals a person in full, and a bad plate is refused on its field', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'pm');
    await page.getByTestId('menu-persons').click();
    const search = await inputOf(page, 'persons-search');
    await search.fill('王');
    await search.press('Enter');
    await page.getByTestId('person-reveal').first().waitFor();
    await page.getByTestId('person-reveal').first().click();
    await expect.poll(() => page.getByTestId('person-revealed-phone').innerText()).toMatch(/^1\d{10}$/);
    await shot(page, 'estate-person-revealed');
    await page.keyboard.press('Escape');

    await page.getByTestId('menu-vehicles').click();
    await page.locator('[data-testid="vehicle-table"] .ant-table-row').first().waitFor();
    // each demo car shows its room and its parking space
    expect(await page.locator('[data-testid="vehicle-table"] .ant-table-row').first().innerText()).toMatch(/\d+-\d+-\d{4}[\s\S]*B1-\d{3}/);
    await page.getByTestId('vehicle-create').click();
    await page.getByTestId('vehicle-plate').fill('沪Z1');
    await page.getByTestId('vehicle-form-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '车牌号格式不正确' }).waitFor();
    await shot(page, 'estate-vehicle-plate-error');
    expect(errors.filter((e) => !expected400(e))).toEqual([]);
    await context.close();
  });
});
