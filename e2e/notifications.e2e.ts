import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';
import { pick } from './antd.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

/** The unread count shown by the page's badge (`data-count`, also when it is 0). */
const badge = (page: Page) => page.getByTestId('inbox-badge').first().getAttribute('data-count');

/** The page's one EventSource is connected (a broadcast sent before that would be missed live). */
const live = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.liveEvents === 'open');

/**
 * Earlier suites share the demo server and may have left this user unread messages (a binding
 * decided, a request to review): read them away and reload, so the badge starts at 0.
 */
async function clearInbox(page: Page, ready: string) {
  await page.evaluate(() => fetch('/api/notifications/read-all', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
  await page.reload();
  await page.waitForSelector(ready);
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('notifications', () => {
  it('a broadcast from the console reaches the resident H5 and a staff console live', async () => {
    const title = `停水通知 ${Date.now() % 100000}`;
    const content = '明天 9:00–12:00 阳光花园全区停水检修，请提前储水。';

    // the resident on a phone, waiting on the home page
    const resident = await newPage(browser, { phone: true });
    let streams = 0;
    resident.page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/events') streams += 1; });
    await loginAt(resident.page, '/m/resident/', '13900000001');
    await resident.page.waitForSelector('[data-testid="h5-home"]');
    await clearInbox(resident.page, '[data-testid="h5-home"]');
    await live(resident.page);
    streams = 1; // the reload opened the page's stream afresh; count from this one
    await expect.poll(() => badge(resident.page)).toBe('0');
    expect(await resident.page.getByTestId('tab-inbox').count()).toBe(1);

    // customer service of 阳光花园 in the console
    const cs = await newPage(browser);
    await loginAt(cs.page, '/', 'cs');
    await cs.page.waitForSelector('[data-testid="inbox-bell"]');
    await clearInbox(cs.page, '[data-testid="inbox-bell"]');
    await live(cs.page);
    await expect.poll(() => badge(cs.page)).toBe('0');

    // HQ sends a notice to 阳光花园 from the broadcast page
    const hq = await newPage(browser);
    await loginAt(hq.page, '/', 'hq');
    await hq.page.getByTestId('menu-broadcast').click();
    await hq.page.waitForSelector('[data-testid="broadcast-title"]');
    await pick(hq.page, 'broadcast-project', '阳光花园');
    await hq.page.getByTestId('broadcast-title').fill(title);
    await hq.page.getByTestId('broadcast-content').fill(content);
    await hq.page.getByTestId('broadcast-submit').click();
    await hq.page.getByTestId('broadcast-confirm').click();
    const result = hq.page.getByTestId('broadcast-result');
    await result.waitFor();
    // the project's staff (pm, cs, cashier, tech, guard, cleaner, HQ with all projects) and the resident
    expect(Number(await result.getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
    await shot(hq.page, 'notify-hq-broadcast');

    // the resident's badge goes 0 → 1 without a reload, and a pop-up shows the title
    await expect.poll(() => badge(resident.page), { timeout: 15_000 }).toBe('1');
    await resident.page.getByTestId('inbox-toast').filter({ hasText: title }).waitFor();
    await shot(resident.page, 'notify-resident-toast');
    await resident.page.getByTestId('tab-inbox').click();
    const item = resident.page.getByTestId('inbox-item').filter({ hasText: title });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await noHorizontalScroll(resident.page)).toBe(true);
    await shot(resident.page, 'notify-resident-inbox');
    // a tap marks it read and shows the whole message
    await item.click();
    await expect.poll(() => item.getAttribute('data-unread')).toBe('false');
    expect(await item.getAttribute('aria-expanded')).toBe('true');
    expect(await item.innerText()).toContain('提前储水');
    await expect.poll(() => badge(resident.page)).toBe('0');
    expect(await noHorizontalScroll(resident.page)).toBe(true);
    await shot(resident.page, 'notify-resident-read');
    // the badge, the pop-up and the list share the page's one stream, which closes on sign-out
    expect(streams).toBe(1);
    await resident.page.getByTestId('tab-me').click();
    await resident.page.getByTestId('logout').click();
    await resident.page.waitForSelector('[data-testid="login-page"]');
    await expect.poll(() => resident.page.evaluate(() => document.documentElement.dataset.liveEvents)).toBe('closed');

    // cs's console bell shows it too; the notification centre lists it and "mark all read" clears it
    await expect.poll(() => badge(cs.page), { timeout: 15_000 }).toBe('1');
    await shot(cs.page, 'notify-cs-bell');
    await cs.page.getByTestId('inbox-bell').click();
    await cs.page.getByTestId('inbox-item').filter({ hasText: title }).waitFor();
    await shot(cs.page, 'notify-cs-inbox');
    await cs.page.getByTestId('inbox-read-all').click();
    await expect.poll(() => badge(cs.page)).toBe('0');
    await expect.poll(() => cs.page.getByTestId('inbox-item').filter({ hasText: title }).getAttribute('data-unread')).toBe('false');

    for (const p of [resident, cs, hq]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it('templates: an unknown variable is refused with the server message; a custom template reverts', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-templates').click();
    const edit = page.getByTestId('template-edit-system.broadcast-inapp-zh-CN');
    await edit.click();
    const titleField = page.getByTestId('template-title');
    await titleField.fill('{{title}}{{nope}}');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-error').innerText()).toContain('nope');
    await shot(page, 'notify-template-error');

    // variables are inserted at the cursor
    await titleField.fill('【通知】');
    await titleField.focus();
    await page.getByTestId('template-var-title').click();
    expect(await titleField.inputValue()).toBe('【通知】{{title}}');
    await page.getByTestId('template-save').click();
    const revert = page.getByTestId('template-revert-system.broadcast-inapp-zh-CN');
    await revert.waitFor();
    await shot(page, 'notify-templates');
    await revert.click();
    await page.getByTestId('template-revert-confirm').click();
    await expect.poll(() => revert.count()).toBe(0);
    // the refused save is the one expected failed request
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('delivery log: a password change goes out by SMS and shows in the log, with filters', async () => {
    // the guard changes the password and back: account.password_changed goes out in-app and by SMS
    const guard = await newPage(browser);
    const http = guard.context.request;
    expect((await http.post('/api/auth/login', { data: { login: 'guard', password: DEMO_PASSWORD } })).ok()).toBe(true);
    const temporary = 'Temp#2026-e2e';
    expect((await http.post('/api/auth/password', { data: { oldPassword: DEMO_PASSWORD, newPassword: temporary } })).ok()).toBe(true);
    expect((await http.post('/api/auth/password', { data: { oldPassword: temporary, newPassword: DEMO_PASSWORD } })).ok()).toBe(true);
    await guard.context.close();

    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-deliveries').click();
    await page.waitForSelector('.ant-table');
    await pick(page, 'deliveries-channel', '短信');
    const rows = page.locator('.ant-table-row').filter({ hasText: '孙保安' });
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.first().innerText()).toContain('密码已修改');
    await expect.poll(() => page.getByTestId('delivery-status-sent').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await shot(page, 'notify-deliveries');
    // nothing failed: the dead-letter filter is empty
    await pick(page, 'deliveries-status', '死信');
    await expect.poll(() => rows.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
