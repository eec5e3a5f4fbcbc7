import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { apiCall, launch, loginAt, newPage, shot } from './browser.ts';
import { inputOf, pick } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** A searchable select: type (part of) the option's text, then pick it. */
async function searchPick(page: Page, selectTestId: string, text: string, option = text) {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The list filtered down to this run's own orders (other suites write orders into the same demo company). */
async function searchList(page: Page, text: string) {
  await page.getByTestId('wo-filter-q').locator('input').first().fill(text);
  await page.getByTestId('wo-filter-q').locator('.ant-input-search-btn, button').last().click();
}

/**
 * Clicks a drawer's 保存 at the top right, where the inbox pop-ups land (other suites' orders notify
 * the desk and HQ at any time): dismiss those first.
 */
async function save(page: Page, testId: string) {
  for (let attempt = 0; ; attempt++) {
    await page.locator('[data-testid="inbox-toast"] .ant-notification-notice-close').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
    try {
      await page.getByTestId(testId).click({ timeout: 3000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
    }
  }
}

/**
 * Closes the open drawer and waits until it has gone (a closing one still covers the list). Only an
 * open drawer's button (`.ant-drawer-open`): the create drawer may still be sliding out when the
 * detail opens, its button visible but leaving the viewport, and a click on it never lands.
 */
async function closeDrawer(page: Page) {
  await page.locator('.ant-drawer-open .ant-drawer-close').last().click();
  await expect.poll(() => page.locator('.ant-drawer-section:visible').count()).toBe(0);
}

describe('work-order console', () => {
  it('the desk registers a phone request for a room, finds it, assigns it to 赵师傅 (a second browser sees it live), then sees it on the board and in the statistics', async () => {
    const { context, page, errors } = await newPage(browser);
    const watcher = await newPage(browser);
    const marker = `E2E控制台电话报修-${Date.now()}`;

    // a second desk user keeps the list open, filtered to this order
    await loginAt(watcher.page, '/workorders', 'pm');
    await watcher.page.getByTestId('wo-table').waitFor();
    await searchList(watcher.page, marker);

    await loginAt(page, '/workorders', 'cs');
    await page.getByTestId('wo-table').waitFor();
    await page.getByTestId('wo-create').click();
    await page.getByTestId('wo-create-form').waitFor();
    await page.getByTestId('wo-create-source').getByText('电话').click();
    await pick(page, 'wo-create-category', '给排水');
    await searchPick(page, 'wo-create-room', '0101', '1-1-0101');
    await page.getByTestId('wo-create-description').fill(`${marker} 厨房水龙头漏水`);
    await page.getByTestId('wo-create-contact-name').fill('吴先生');
    // a caller with no account: the order stays the desk's, out of the demo resident's own list
    const caller = `137${String(Date.now()).slice(-8)}`;
    await page.getByTestId('wo-create-contact-phone').fill(caller);
    // the photo goes to the desk user's draft area at once; its id travels with the order
    const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 30, g: 144, b: 255 } } }).png().toBuffer();
    await page.getByTestId('wo-create-photos').locator('input[type=file]').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('wo-create-photos').locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await save(page, 'wo-create-submit');

    // the new order opens in the detail drawer, with its submit row on the timeline
    const title = page.getByTestId('wo-detail-title');
    await title.waitFor().catch(async (e: unknown) => { await shot(page, 'wo-console-create-failed'); throw e; });
    const no = (await title.locator('.ant-typography').first().innerText()).trim();
    expect(no).toMatch(/\S+/);
    await page.getByTestId('wo-timeline-submit').waitFor();
    // the server masks the caller's number
    expect(await page.getByTestId('wo-facts').innerText()).toContain(`${caller.slice(0, 3)}****${caller.slice(-4)}`);
    const thumb = page.getByTestId('wo-detail-photos').locator('img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const orderId = new URL(page.url()).searchParams.get('id');
    expect(orderId).toBeTruthy();
    await closeDrawer(page);

    await searchList(page, marker);
    const row = page.getByTestId(`wo-row-${no}`);
    await row.waitFor();
    await expect.poll(() => page.getByTestId('wo-table').locator('tr.ant-table-row').count()).toBe(1);
    expect(await row.innerText()).toContain('1-1-0101');
    await row.click();
    await title.waitFor();

    // the project may dispatch by itself; either way the desk puts 赵师傅 on it through the offered action
    const actions = page.getByTestId('wo-actions');
    await actions.waitFor();
    const alreadyZhao = (await page.getByTestId('wo-facts').innerText()).includes('赵师傅');
    const action = (await page.getByTestId('wo-action-assign').count()) ? 'assign' : alreadyZhao ? null : 'transfer';
    if (action) {
      await page.getByTestId(`wo-action-${action}`).click();
      await pick(page, 'wo-assignee', '赵师傅');
      await page.getByTestId('wo-event-note').fill('电话登记，派赵师傅上门');
      await page.getByTestId('wo-event-submit').click();
    }
    await page.getByTestId('wo-timeline').getByText('处理人：赵师傅').first().waitFor();
    await expect.poll(() => page.getByTestId('wo-detail-title').getByTestId('wo-status').innerText()).toBe('已派单');
    // assign is no longer offered: the buttons come from the server's abilities
    expect(await page.getByTestId('wo-action-assign').count()).toBe(0);
    await shot(page, 'wo-console-detail');

    // the watcher's list refetched on the server's event, without a reload
    await watcher.page.getByTestId(`wo-row-${no}`).getByText('赵师傅').waitFor({ timeout: 15_000 });

    await page.goto(new URL('/workorders/board', page.url()).toString());
    await page.getByTestId('wo-board').waitFor();
    const card = page.getByTestId('wo-board-assigned').getByTestId(`wo-card-${no}`);
    await searchList(page, marker);
    await card.waitFor();
    await card.click();
    await page.getByTestId('wo-detail-title').getByText(no).waitFor();
    await shot(page, 'wo-console-board');

    // a link to the order opens its drawer
    await page.goto(new URL(`/workorders?id=${orderId}`, page.url()).toString());
    await page.getByTestId('wo-detail-title').getByText(no).waitFor();

    await page.goto(new URL('/workorders/stats', page.url()).toString());
    const count = page.getByTestId('wo-kpi-count');
    await count.waitFor().catch(async (e: unknown) => { await shot(page, 'wo-console-stats-failed'); throw e; });
    await expect.poll(async () => Number((await count.locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('wo-kpi-handling').waitFor();
    await page.getByTestId('wo-kpi-satisfaction').waitFor();
    await page.getByTestId('wo-stats-chart').waitFor();
    await shot(page, 'wo-console-stats');

    expect(errors).toEqual([]);
    expect(watcher.errors).toEqual([]);
    await watcher.context.close();
    await context.close();
  });

  it('the desk saves the current filters as a view and applies it again', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders', 'cs');
    await page.getByTestId('wo-table').waitFor();
    const name = `待派-${Date.now() % 100000}`;
    await page.getByTestId('wo-filter-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '待派单' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('wo-view-open').click();
    await page.getByTestId('wo-view-name').fill(name);
    await page.getByTestId('wo-view-save').click();
    await page.getByText('视图已保存').waitFor();

    await page.reload();
    await page.getByTestId('wo-table').waitFor();
    expect(await page.getByTestId('wo-filter-status').innerText()).not.toContain('待派单');
    await pick(page, 'wo-views', name);
    await page.getByTestId('wo-filter-status').getByText('待派单').waitFor();
    await page.getByTestId('wo-view-delete').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('wo-views').innerText()).not.toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HQ adds a category with its SLA in hours, writes and deletes an FAQ entry, and saves the project settings', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/workorders/categories', 'hq');
    await page.getByTestId('wo-category-table').waitFor();
    const code = `E2E${Date.now() % 100000}`;
    await page.getByTestId('wo-category-create').click();
    await page.getByTestId('wo-category-code').fill(code);
    await page.getByTestId('wo-category-name').fill(`测试类别${code}`);
    const urgentDone = await inputOf(page, 'wo-category-urgent-complete');
    await urgentDone.fill('0.2');
    await save(page, 'wo-category-submit');
    // completion shorter than the response (0.5 h) is refused on its field before anything is sent
    await page.getByText('完成时限不能短于响应时限').waitFor();
    await urgentDone.fill('6');
    await save(page, 'wo-category-submit');
    const row = page.getByTestId(`wo-category-row-${code}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('0.5 h / 6 h');

    await page.goto(new URL('/workorders/kb', page.url()).toString());
    await page.getByTestId('wo-kb-table').waitFor();
    const question = `水管爆了怎么办？${code}`;
    await page.getByTestId('wo-kb-create').click();
    await page.getByTestId('wo-kb-question').fill(question);
    await page.getByTestId('wo-kb-answer').fill('先关闭总阀，再报修。');
    await save(page, 'wo-kb-submit');
    const entry = page.getByTestId('wo-kb-table').locator('tr').filter({ hasText: question });
    await entry.waitFor();
    await entry.getByRole('button', { name: /删除/ }).click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await entry.waitFor({ state: 'detached' });

    await page.goto(new URL('/workorders/settings', page.url()).toString());
    await pick(page, 'estate-choose-project', '阳光花园');
    await page.getByTestId('wo-settings-form').waitFor();
    await page.getByTestId('wo-settings-submit').click();
    await page.getByText('已保存').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the whole desk-side loop in the console: 赵师傅 accepts, starts and completes with a photo; the desk records a phone rating, revisits and closes', async () => {
    const desk = await newPage(browser);
    const tech = await newPage(browser);
    const marker = `E2E控制台闭环-${Date.now()}`;
    await loginAt(desk.page, '/workorders', 'cs');
    await desk.page.getByTestId('wo-create').click();
    await desk.page.getByTestId('wo-create-form').waitFor();
    await pick(desk.page, 'wo-create-category', '给排水');
    await searchPick(desk.page, 'wo-create-room', '0101', '1-1-0101');
    await desk.page.getByTestId('wo-create-description').fill(`${marker} 卫生间下水慢`);
    await save(desk.page, 'wo-create-submit');
    await desk.page.getByTestId('wo-timeline-submit').waitFor();
    const orderId = new URL(desk.page.url()).searchParams.get('id')!;

    const act = async (page: Page, event: string, fill?: () => Promise<void>) => {
      await page.getByTestId(`wo-action-${event}`).click();
      await page.getByTestId('wo-event-form').waitFor();
      await fill?.();
      await page.getByTestId('wo-event-submit').click();
      // a refusal is shown in the form: fail with the server's words rather than wait out the timeout
      const refusal = page.getByTestId('wo-event-error');
      await page.getByTestId(`wo-timeline-${event}`).first().or(refusal).first().waitFor();
      if (await refusal.isVisible()) throw new Error(`${event} refused: ${await refusal.innerText()}`);
    };
    if (await desk.page.getByTestId('wo-action-assign').count()) {
      await act(desk.page, 'assign', () => pick(desk.page, 'wo-assignee', '赵师傅'));
    } else if (!(await desk.page.getByTestId('wo-facts').innerText()).includes('赵师傅')) {
      await act(desk.page, 'transfer', () => pick(desk.page, 'wo-assignee', '赵师傅'));
    }

    await loginAt(tech.page, `/workorders?id=${orderId}`, 'tech');
    await tech.page.getByTestId('wo-detail-title').waitFor();
    await act(tech.page, 'accept');
    await act(tech.page, 'start');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 0, g: 160, b: 80 } } }).png().toBuffer();
    await act(tech.page, 'complete', async () => {
      await tech.page.getByTestId('wo-event-materials').fill('下水管疏通剂 1 瓶');
      await (await inputOf(tech.page, 'wo-event-labour')).fill('40');
      await tech.page.getByTestId('wo-event-photos').locator('input[type=file]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: png });
      await tech.page.getByTestId('wo-event-photos').locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    });
    await tech.page.getByTestId('wo-timeline-complete').locator('img').first().waitFor();
    // the technician is offered nothing the table does not give him (no close, no confirm)
    expect(await tech.page.getByTestId('wo-action-close').count()).toBe(0);

    // the desk's open drawer follows over SSE: confirm is offered without a reload
    await desk.page.getByTestId('wo-action-confirm').waitFor({ timeout: 15_000 });
    await act(desk.page, 'confirm', async () => {
      await desk.page.getByTestId('wo-event-form').locator('.ant-rate-star').nth(4).click();
      await desk.page.getByTestId('wo-event-comment').fill('电话回访：很满意');
    });
    await expect.poll(() => desk.page.getByTestId('wo-detail-title').getByTestId('wo-status').innerText()).toBe('已评价');
    await act(desk.page, 'revisit', () => pick(desk.page, 'wo-event-result', '满意'));
    await act(desk.page, 'close');
    await expect.poll(() => desk.page.getByTestId('wo-detail-title').getByTestId('wo-status').innerText()).toBe('已关闭');
    expect(await desk.page.getByTestId('wo-facts').innerText()).toContain('下水管疏通剂');
    await shot(desk.page, 'wo-console-loop');

    expect(desk.errors).toEqual([]);
    expect(tech.errors).toEqual([]);
    await tech.context.close();
    await desk.context.close();
  });

  it('a screen that missed a change gets the server\'s 409 in the action form, and then shows what is allowed now', async () => {
    const desk = await newPage(browser);
    const stale = await newPage(browser);
    // this screen hears no live events, so it keeps offering what was allowed when it loaded
    await stale.context.route('**/api/events', (r) => r.abort());
    await loginAt(desk.page, '/workorders', 'cs');
    await desk.page.getByTestId('wo-table').waitFor();
    const order = (await apiCall(desk.page, 'POST', '/api/work-orders', {
      projectId: await desk.page.evaluate(() => localStorage.getItem('projectId')), source: 'phone', type: 'inquiry', area: 'public',
      locationText: '南门岗亭', description: `E2E控制台过期画面-${Date.now()} 询问停车月卡`,
    })) as { id: string; version: number };

    await loginAt(stale.page, `/workorders?id=${order.id}`, 'pm');
    await stale.page.getByTestId('wo-action-cancel').waitFor();
    const now = (await apiCall(desk.page, 'GET', `/api/work-orders/${order.id}`)) as { version: number };
    await apiCall(desk.page, 'POST', `/api/work-orders/${order.id}/events`, { event: 'cancel', version: now.version, note: '来电人撤回' });

    await stale.page.getByTestId('wo-action-cancel').click();
    await stale.page.getByTestId('wo-event-note').fill('重复登记');
    await stale.page.getByTestId('wo-event-submit').click();
    const refusal = stale.page.getByTestId('wo-event-error');
    await refusal.waitFor();
    // after the refusal the drawer is refetched: cancelled, nothing to cancel any more; the message stays readable
    await expect.poll(() => stale.page.getByTestId('wo-detail-title').getByTestId('wo-status').innerText()).toBe('已取消');
    expect(await refusal.isVisible()).toBe(true);
    expect(await refusal.innerText()).toContain('已取消');
    await shot(stale.page, 'wo-console-stale-409');
    await stale.page.locator('.ant-modal:visible .ant-modal-close').click();
    expect(await stale.page.getByTestId('wo-action-cancel').count()).toBe(0);

    expect(desk.errors).toEqual([]);
    expect(stale.errors.filter((l) => !/status of 409|api\/events|ERR_FAILED|EventSource/.test(l))).toEqual([]);
    await stale.context.close();
    await desk.context.close();
  });
});
