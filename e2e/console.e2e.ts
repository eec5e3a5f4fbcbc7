import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, loginAt, newPage, shot } from './browser.ts';

/** Menu item → the permission that shows it (the console's menu is built from /api/auth/me). */
const menuPermission: Record<string, string> = {
  projects: 'org.project.read', staff: 'org.user.read', roles: 'org.role.read', audit: 'audit.read',
  apikeys: 'org.apikey.manage', companies: 'platform.company.manage', sandbox: 'platform.company.manage',
  templates: 'notify.template.manage', deliveries: 'notify.delivery.read', broadcast: 'notify.broadcast',
  estateStructure: 'estate.read', rooms: 'estate.read', persons: 'estate.read', parking: 'estate.read',
  facilities: 'estate.read', vehicles: 'estate.read', bindings: 'estate.binding.review',
  feeItems: 'billing.read', chargeStandards: 'billing.read',
  billRuns: 'billing.read', bills: 'billing.read', waivers: 'billing.waiver.approve',
};

const roles = ['hq', 'hqfin', 'pm', 'cs', 'cashier', 'tech', 'guard', 'cleaner', 'admin'];

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

describe('console', () => {
  for (const login of roles) {
    it(`${login}: logs in and sees exactly the menu its permissions allow`, async () => {
      const { context, page, errors } = await newPage(browser);
      await loginAt(page, '/', login);
      await page.waitForSelector('[data-testid^="menu-"]');
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
      for (const [key, perm] of Object.entries(menuPermission)) {
        const visible = await page.getByTestId(`menu-${key}`).count();
        expect({ key, visible: visible > 0 }).toEqual({ key, visible: me.permissions.includes(perm) });
      }
      // everyone has a notification centre and the header bell
      expect(await page.getByTestId('menu-inbox').count()).toBe(1);
      expect(await page.getByTestId('inbox-bell').count()).toBe(1);
      await shot(page, `console-${login}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('switches the language to English and back', async () => {
    const { context, page } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.waitForSelector('[data-testid="menu-staff"]');
    const zh = await page.getByTestId('menu-staff').innerText();
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-staff').innerText()).toMatch(/Staff/i);
    await shot(page, 'console-hq-en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-staff').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await context.close();
  });

  it('shows the staff list with masked or full phones and the project switcher for HQ', async () => {
    const { context, page, errors } = await newPage(browser);
    await loginAt(page, '/', 'hq');
    await page.getByTestId('menu-staff').click();
    await page.waitForSelector('text=张经理');
    await expect.poll(() => page.getByTestId('project-switcher').count()).toBeGreaterThan(0);
    await shot(page, 'console-hq-staff');
    expect(errors).toEqual([]);
    await context.close();
  });
});
