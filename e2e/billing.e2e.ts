import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, launch, loginAt, newPage, shot } from './browser.ts';
import { pickMany, typeDate } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** A searchable select: type (part of) the option's text, then pick it. */
async function searchPick(page: Page, selectTestId: string, text: string) {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The Chrome console line of the 409 the test provokes on purpose. */
const expected409 = (line: string) => /status of 409/.test(line);

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
    await pickMany(page, 'standard-fee-item', code);
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

    await row.getByRole('button').first().click();
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

  it('HQ in 阳光花园 previews assigning a new standard to a building, creates it, sees it in a room; a second standard of a carried fee item is a 409', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/billing/standards', 'hq');
    await page.getByTestId('standard-table').waitFor();
    await pickMany(page, 'project-switcher', '阳光花园');
    const projectId = await page.evaluate(() => localStorage.getItem('projectId'));
    const buildings = (await apiCall(page, 'GET', `/api/projects/${projectId}/buildings`)) as { id: string; code: string; name: string; rooms: number }[];
    const building = buildings.find((b) => b.rooms > 0)!;
    // a fee item no room carries yet, with a company-wide standard
    const code = `EA${Date.now() % 100000}`;
    const item = await apiCall(page, 'POST', '/api/billing/fee-items', {
      code, name: `测试电梯费${code}`, category: 'periodic', feeCategory: 'other', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner',
    });
    for (const [suffix, unitPrice] of [['', '0.35'], ['B', '0.4']]) {
      await apiCall(page, 'POST', '/api/billing/standards', {
        feeItemId: item.id, projectId: null, code: `S${code}${suffix}`, name: '测试电梯费标准', rule: { kind: 'area', basis: 'building_area', unitPrice }, validFrom: '2026-01-01',
      });
    }

    await page.reload();
    await searchPick(page, 'standard-filter-item', `测试电梯费${code}`);
    await page.getByTestId(`standard-assign-S${code}`).click();
    await expect.poll(() => page.getByTestId('assign-project').innerText()).toContain('阳光花园');
    await pickMany(page, 'assign-buildings', building.name);
    await page.getByTestId('assign-standard').click(); // closes the multiple select's dropdown
    await typeDate(page, 'assign-from', '2026-03-01');
    await page.getByTestId('assign-preview-btn').click();
    await page.getByTestId('assign-preview').waitFor();
    expect(await page.getByTestId('assign-matched').innerText()).toBe(String(building.rooms));
    expect(await page.getByTestId('assign-conflicts').innerText()).toBe('0');
    expect(await page.getByTestId('assign-assignable').innerText()).toBe(String(building.rooms));
    await shot(page, 'billing-assign-preview');
    await page.getByTestId('assign-submit').click();
    await page.getByText(`已分配到 ${building.rooms} 个房间/车位`).waitFor();
    await page.getByTestId('assign-standard').waitFor({ state: 'hidden' }); // the drawer is closed (and gave back focus)

    // another standard of the same fee item on the same building: every room carries the item now
    await page.getByTestId(`standard-assign-S${code}B`).click();
    await pickMany(page, 'assign-buildings', building.name);
    await page.getByTestId('assign-standard').click(); // closes the multiple select's dropdown
    await page.getByTestId('assign-preview-btn').click();
    await expect.poll(() => page.getByTestId('assign-conflicts').innerText()).toBe(String(building.rooms));
    await page.getByTestId('assign-conflict-codes').waitFor();
    await page.getByTestId('assign-submit').click();
    await expect.poll(() => page.getByTestId('assign-error').innerText()).toContain('已有同一收费项目的标准');
    await shot(page, 'billing-assign-conflict');
    await page.locator('.ant-drawer-close:visible').click();

    // a room of the building lists the new standard in its 收费标准 tab
    await page.getByTestId('menu-estateStructure').click();
    await page.getByTestId(`tree-building-${building.code}`).click();
    await page.locator('[data-testid^="grid-cell-"]').first().click();
    await page.getByTestId('room-tab-billing').click();
    await page.getByTestId('room-tab-charges').click();
    const charges = page.getByTestId('room-charges');
    const row = charges.locator('tr').filter({ hasText: `S${code}` });
    await row.waitFor();
    expect(await row.innerText()).toContain('2026-03-01');
    await expect.poll(() => row.innerText()).toContain('0.3500 元/m²/月');
    expect(await charges.innerText()).toContain('住宅物业服务费');
    await row.getByTestId(`assignment-end-S${code}`).click();
    await typeDate(page, 'assignment-end-date', '2026-12-31');
    await page.getByTestId('assignment-end-submit').click();
    await expect.poll(() => row.innerText()).toContain('2026-03-01 – 2026-12-31');
    await shot(page, 'billing-room-charges');
    expect(errors.filter((e) => !expected409(e))).toEqual([]);
    await context.close();
  });
});
