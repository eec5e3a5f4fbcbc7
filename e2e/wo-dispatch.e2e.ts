import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf, pick, pickMany, typeDate } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** A multi-select keeps its dropdown open: click outside it until it is gone. */
async function closeDropdown(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('.wuye-page-head').click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}
const workerRow = (page: Page, name: string) => page.getByTestId('wo-dispatch-workers').locator('tr').filter({ hasText: name });

describe('派单设置', () => {
  it('the manager switches the mode, gives 赵师傅 a skill, adds and deletes a shift, names a building\'s staff; the demo is put back', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders/dispatch', 'pm');
    await workerRow(page, '赵师傅').waitFor();
    const projectId = await page.evaluate(() => localStorage.getItem('projectId'));
    const settings = await apiCall(page, 'GET', `/api/work-orders/projects/${projectId}/settings`);
    const workers = await apiCall(page, 'GET', `/api/work-orders/staff?projectId=${projectId}`);
    const zhao = workers.find((x: any) => x.name === '赵师傅');
    // the guard's demo shifts run round the clock: always on shift
    await workerRow(page, '孙保安').getByText('在岗').waitFor();

    // mode: any other than the demo's, then back
    const other = settings.dispatchMode === 'auto' ? 'pool' : 'auto';
    await page.getByTestId('wo-dispatch-mode').getByText(other === 'auto' ? '自动派单' : '抢单池').click();
    await page.getByText('派单模式已保存').first().waitFor();
    await page.getByTestId('wo-dispatch-mode-hint').getByText(other === 'auto' ? '系统直接派给' : '新工单放入抢单池').waitFor();

    // a skill as a tag
    await pickMany(page, `wo-dispatch-skills-${zhao.userId}`, '电梯');
    await closeDropdown(page);
    await page.getByText('技能已保存').first().waitFor();
    await expect.poll(async () => (await apiCall(page, 'GET', `/api/work-orders/staff?projectId=${projectId}`)).find((x: any) => x.userId === zhao.userId).skills)
      .toContain('elevator');

    // a shift overlapping his demo day shift is refused with the server's reason; an evening one next week is added, then deleted
    await pick(page, 'wo-dispatch-shift-worker', '赵师傅');
    await typeDate(page, 'wo-dispatch-shift-day', shanghaiDay(0));
    await pick(page, 'wo-dispatch-shift-start', '09:00');
    await (await inputOf(page, 'wo-dispatch-shift-hours')).fill('2');
    await page.getByTestId('wo-dispatch-shift-add').click();
    await page.getByText('与该员工已有的班次重叠').first().waitFor();
    await typeDate(page, 'wo-dispatch-shift-day', shanghaiDay(7));
    await page.getByTestId('wo-dispatch-shift-start').click();
    await page.keyboard.type('21:00');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '21:00' }).first().click();
    await page.getByTestId('wo-dispatch-shift-add').click();
    await page.getByText('班次已添加').first().waitFor();
    await page.getByTestId('wo-dispatch-week-next').click();
    const evening = page.getByTestId('wo-dispatch-shifts').locator('tr').filter({ hasText: '赵师傅' }).locator('.wo-dispatch-shift').filter({ hasText: '21:00–23:00' });
    await evening.waitFor();
    await shot(page, 'wo-dispatch-setup');
    await evening.getByRole('button', { name: '删除' }).click();
    await page.getByTestId('wo-dispatch-shift-delete-ok').click();
    await page.getByText('班次已删除').first().waitFor();
    await expect.poll(() => evening.count()).toBe(0);

    // building responsibility: 钱师傅 joins the first building, and his row shows it
    const firstBuilding = page.getByTestId('wo-dispatch-buildings').locator('tbody tr').first();
    const buildingName = (await firstBuilding.locator('td').first().innerText()).trim();
    const buildingId = (await firstBuilding.locator('.ant-select').getAttribute('data-testid'))!.replace('wo-dispatch-building-', '');
    const before = workers.filter((x: any) => x.buildingIds.includes(buildingId)).map((x: any) => x.userId);
    await pickMany(page, `wo-dispatch-building-${buildingId}`, '钱师傅');
    await closeDropdown(page);
    await page.getByText('楼栋责任人已保存').first().waitFor();
    await workerRow(page, '钱师傅').getByText(buildingName, { exact: true }).waitFor();

    // the demo as it was, for the suites after this one
    const cur = await apiCall(page, 'GET', `/api/work-orders/projects/${projectId}/settings`);
    const { projectId: _p, ...rest } = cur;
    expect((await apiCall(page, 'PUT', `/api/work-orders/projects/${projectId}/settings`, { ...rest, dispatchMode: settings.dispatchMode })).dispatchMode).toBe(settings.dispatchMode);
    expect((await apiCall(page, 'PUT', `/api/work-orders/staff/${zhao.userId}/skills`, { skills: zhao.skills })).skills).toEqual(zhao.skills);
    expect((await apiCall(page, 'PUT', `/api/work-orders/buildings/${buildingId}/staff`, { userIds: before })).userIds).toEqual([...before].sort());
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('the desk sees the setup but cannot change it', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders/dispatch', 'cs');
    await workerRow(page, '赵师傅').waitFor();
    expect(await page.getByTestId('wo-dispatch-mode').locator('input').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('wo-dispatch-shift-form').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
