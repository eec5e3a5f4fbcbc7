import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';

const RESIDENT_PHONE = '13900000001';
/** `cleaner`: every e2e file may sign in as it with the demo password, so it is restored at the end. */
const CLEANER = { login: 'cleaner', phone: '13800000008' };
/** A well-formed number without an account: the server answers the same, but sends nothing. */
const UNKNOWN_PHONE = '13700000009';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** The code from the demo hint ("演示环境验证码：123456") shown after a code was sent. */
async function demoCode(page: Page, testId: string): Promise<string> {
  const hint = page.getByTestId(testId);
  await hint.waitFor();
  const text = await hint.innerText();
  expect(text).toMatch(/^演示环境验证码：\d{6}$/);
  return text.match(/\d{6}/)![0];
}

/** The "获取验证码" button counts down from the server's retryAfter (60 s). */
async function expectCountdown(page: Page, testId: string) {
  const send = page.getByTestId(testId);
  await expect.poll(() => send.innerText()).toMatch(/^(5\d|60) 秒后重发$/);
  expect(await send.isDisabled()).toBe(true);
}

let residentCode = '';

describe('SMS codes: sign-in, sandbox outbox, forgotten password', () => {
  it('resident H5 at 375 px: signs in with the code from the demo hint', async () => {
    const { context, page, errors } = await newPage(browser, { phone: true });
    await page.goto('/m/resident/');
    await page.getByTestId('login-mode-sms').click();
    await page.getByTestId('login-sms-phone').fill(RESIDENT_PHONE);
    expect(await page.getByTestId('login-sms-demo-code').count()).toBe(0);
    await page.getByTestId('login-sms-send').click();
    residentCode = await demoCode(page, 'login-sms-demo-code');
    await expectCountdown(page, 'login-sms-send');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'sms-resident-login');

    await page.getByTestId('login-sms-code').fill(residentCode);
    await page.getByTestId('login-sms-submit').click();
    await page.waitForSelector('[data-testid="h5-home"]');
    expect(await noHorizontalScroll(page)).toBe(true);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user.phone).toBe(RESIDENT_PHONE);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('platform operator: the sandbox outbox shows that SMS with the code', async () => {
    expect(residentCode).toMatch(/^\d{6}$/);
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'admin');
    await page.getByTestId('menu-sandbox').click();
    await page.waitForURL(/\/platform\/sandbox$/);
    await page.getByTestId('sandbox-channel').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '短信' }).first().click();
    await page.getByTestId('sandbox-to').fill(RESIDENT_PHONE);
    await page.getByTestId('sandbox-to').press('Enter');
    const rows = page.locator('.ant-table-row');
    const sms = rows.filter({ hasText: residentCode });
    await sms.first().waitFor();
    expect(await sms.first().innerText()).toContain(RESIDENT_PHONE);
    expect(await sms.first().getByTestId('sandbox-body').innerText()).toContain(`验证码是 ${residentCode}`);
    // only SMS to that number are listed
    await expect.poll(async () => (await rows.allInnerTexts()).every((text) => text.includes(RESIDENT_PHONE) && text.includes('短信'))).toBe(true);
    await shot(page, 'sms-sandbox-outbox');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('console: cleaner resets a forgotten password by SMS, signs in with it, and it is restored', async () => {
    const { context, page, errors } = await newPage(browser);
    const fresh = `Reset#${Date.now() % 1_000_000}`;
    await page.goto('/login');
    await page.getByTestId('login-forgot').click();
    await page.waitForURL(/\/reset-password$/);

    // a number without an account: the same answer and countdown, but no code to show
    await page.getByTestId('reset-phone').fill(UNKNOWN_PHONE);
    await page.getByTestId('reset-send').click();
    await expectCountdown(page, 'reset-send');
    expect(await page.getByTestId('reset-demo-code').count()).toBe(0);

    // the right number has its own countdown
    await page.getByTestId('reset-phone').fill(CLEANER.phone);
    await expect.poll(() => page.getByTestId('reset-send').isDisabled()).toBe(false);
    await page.getByTestId('reset-send').click();
    const code = await demoCode(page, 'reset-demo-code');
    await expectCountdown(page, 'reset-send');
    await page.getByTestId('reset-code').fill(code);
    await page.getByTestId('reset-password').fill(fresh);
    await page.getByTestId('reset-confirm').fill(fresh);
    await shot(page, 'sms-reset-password');
    await page.getByTestId('reset-submit').click();

    // back on the password login, the number filled in
    await page.getByTestId('login-reset-done').waitFor();
    await page.waitForURL(/\/login$/);
    expect(await page.getByTestId('login-username').inputValue()).toBe(CLEANER.phone);
    const http = context.request;
    expect((await http.post('/api/auth/login', { data: { login: CLEANER.login, password: DEMO_PASSWORD } })).status()).toBe(401);
    await page.getByTestId('login-password').fill(fresh);
    await page.getByTestId('login-submit').click();
    await page.waitForSelector('[data-testid="menu-inbox"]');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user.username).toBe(CLEANER.login);

    // restore the demo password (another code for this number would need a 60 s wait)
    expect((await http.post('/api/auth/password', { data: { oldPassword: fresh, newPassword: DEMO_PASSWORD } })).ok()).toBe(true);
    await context.close();
    const check = await newPage(browser);
    await loginAt(check.page, '/', CLEANER.login);
    await check.page.waitForSelector('[data-testid="menu-inbox"]');
    expect([...errors, ...check.errors]).toEqual([]);
    await check.context.close();
  });
});
