import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/**
 * The request below notifies 阳光花园's customer service; other browser tests start from an empty
 * inbox for `cs`, so read it away again (the suite shares one demo server).
 */
async function clearCustomerServiceInbox() {
  const ctx = await browser.newContext({ baseURL: baseURL() });
  const login = await ctx.request.post('/api/auth/login', { data: { login: 'cs', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  expect((await ctx.request.post('/api/notifications/read-all', { data: {} })).status()).toBe(200);
  await ctx.close();
}

describe('resident H5: my home at 375 px', () => {
  it('shows my room and its household, and a binding that does not match the archive waits for review', async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    await loginAt(page, '/m/resident/', '13900000001');
    const myRoom = page.locator('[data-testid="my-room"][data-code="1-1-0101"]');
    await myRoom.waitFor();
    expect(await myRoom.textContent()).toContain('阳光花园');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'resident-home-rooms');

    // the room in detail: I am its owner; phones on it are masked
    await myRoom.click();
    await page.getByTestId('room-detail').waitFor();
    expect(await page.getByTestId('my-relation').textContent()).toBe('业主');
    const me = page.getByTestId('room-person').filter({ hasText: '吴业主' });
    expect(await me.textContent()).toContain('139****0001');
    expect(await me.getByTestId('relation-tag').textContent()).toBe('业主');
    expect(await page.locator('body').textContent()).not.toContain('13900000001');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'resident-room-detail');

    // bind another room under a name the archive does not have: customer service must review it
    await page.getByTestId('back-home').click();
    await page.getByTestId('bind-room-start').click();
    await page.getByTestId('bind-project-input').fill('阳光');
    await page.getByTestId('bind-project-option').filter({ hasText: '阳光花园' }).first().click();
    await page.getByTestId('bind-room-input').fill('1-1-0102');
    await page.getByTestId('bind-room-option').filter({ hasText: '1-1-0102' }).first().click();
    await page.getByTestId('bind-name').fill('吴租客');
    await page.getByTestId('bind-relation').getByText('租户').click();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'resident-bind-form');
    await page.getByTestId('bind-submit').click();
    const result = page.getByTestId('bind-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('pending');
    await shot(page, 'resident-bind-pending');
    await clearCustomerServiceInbox();

    // my requests list it as pending
    await page.getByTestId('bind-view-requests').click();
    const request = page.locator('[data-testid="binding-request"][data-code="1-1-0102"]');
    await request.waitFor();
    expect(await request.getAttribute('data-status')).toBe('pending');
    expect(await request.getByTestId('binding-status').textContent()).toBe('待审核');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'resident-binding-requests');

    // and the home page says a request is waiting
    await page.getByTestId('tab-home').click();
    await page.getByTestId('my-bindings-link').waitFor();
    expect(await page.getByTestId('my-bindings-link').textContent()).toContain('1 条绑定申请待审核');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('invites a newly registered person with no home to bind one', async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    const policy = await (await context.request.get('/api/privacy-policy')).json();
    const phone = `137${String(Date.now()).slice(-8)}`;
    const reg = await context.request.post('/api/auth/register', { data: { phone, name: '新住户', password: 'Newcomer#2026', privacyVersion: policy.version } });
    expect(reg.status()).toBe(200);
    await page.goto('/m/resident/');
    await page.getByTestId('my-home-empty').waitFor();
    expect(await page.getByTestId('my-room').count()).toBe(0);
    await shot(page, 'resident-home-empty');
    await page.getByTestId('bind-room-start').click();
    await page.getByTestId('bind-project-input').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
