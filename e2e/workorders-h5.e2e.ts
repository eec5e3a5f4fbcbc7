import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { inputOf, pick } from './antd.ts';
import { baseURL, DEMO_PASSWORD, launch, loginAt, newPage, shot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** A signed-in API client (customer service plays the desk through the API). */
async function apiAs(login: string) {
  const ctx = await browser.newContext({ baseURL: baseURL() });
  const res = await ctx.request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { ctx, api: ctx.request };
}

async function json<T>(api: APIRequestContext, method: 'GET' | 'POST', url: string, data?: object): Promise<T> {
  const res = method === 'GET' ? await api.get(url) : await api.post(url, { data: data ?? {} });
  expect(res.status(), await res.text()).toBe(200);
  return res.json() as Promise<T>;
}

/** Other browser suites expect empty inboxes for the desk, the technician and the resident: read this suite's messages away. */
async function readAllAway(logins: string[]) {
  for (const login of logins) {
    const { ctx, api } = await apiAs(login);
    expect((await api.post('/api/notifications/read-all', { data: {} })).status()).toBe(200);
    await ctx.close();
  }
}

const myTotal = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/me/work-orders?pageSize=1')).json()) as { total: number }).total);

type Stats = { total: { count: number; completed: number; rated: number } };
type Detail = { id: string; no: string; projectId: string; status: string; version: number; roomId: string | null; assigneeName: string | null; timeline: { event: string; geo: unknown; files: unknown[] }[] };

describe('work orders on the phone at 375 px', () => {
  it('a resident reports with a photo, the desk assigns, the technician completes with a photo, the resident rates, the statistics change', { timeout: 240_000 }, async () => {
    const desk = await apiAs('cs');
    const before = await json<Stats>(desk.api, 'GET', '/api/work-orders/stats');
    const photo = await QRCode.toBuffer('wuye e2e photo', { type: 'png', width: 160 });

    // ── resident: 报事 from the home card; the plumbing FAQ comes first ──
    const r = await newPage(browser, { phone: true });
    await loginAt(r.page, '/m/resident/', '13900000001');
    await r.page.getByTestId('h5-my-wo').waitFor();
    await r.page.getByTestId('h5-report').click();
    await r.page.getByTestId('wo-report-page').waitFor();
    await pick(r.page, 'wo-category', '给排水');
    await r.page.getByTestId('wo-faq').waitFor();
    expect(await r.page.getByTestId('wo-description').count()).toBe(0); // the form waits behind the FAQ
    await r.page.getByTestId('wo-faq-question').filter({ hasText: '停水' }).click();
    await r.page.getByTestId('wo-faq-answer').filter({ hasText: '总阀' }).waitFor();
    expect(await noHorizontalScroll(r.page)).toBe(true);
    await shot(r.page, 'wo-h5-resident-faq');
    await r.page.getByTestId('wo-faq-continue').click();

    await pick(r.page, 'wo-room', '1-1-0101');
    await r.page.getByTestId('wo-description').fill('e2e：厨房水槽下水管漏水');
    // not an image: the server's 415 message shows, nothing is attached
    await r.page.setInputFiles('[data-testid="wo-photos-input"]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await r.page.getByTestId('wo-photos-error').waitFor();
    await r.page.setInputFiles('[data-testid="wo-photos-input"]', { name: 'leak.png', mimeType: 'image/png', buffer: photo });
    await r.page.getByTestId('wo-photos-item').first().waitFor();
    expect(await r.page.getByTestId('wo-photos-item').count()).toBe(1);
    expect(await noHorizontalScroll(r.page)).toBe(true);
    await shot(r.page, 'wo-h5-resident-report');
    const mineBefore = await myTotal(r.page);
    const created = r.page.waitForResponse((res) => res.url().endsWith('/api/me/work-orders') && res.request().method() === 'POST');
    await r.page.getByTestId('wo-submit').dblclick(); // a double tap is one order (one Idempotency-Key per form)
    const order = (await (await created).json()) as Detail;
    await r.page.locator('[data-testid="my-wo-detail"][data-status="submitted"]').waitFor();
    expect(await r.page.getByTestId('wo-no').textContent()).toBe(order.no);
    await r.page.getByTestId('wo-photos-first').waitFor();

    // …and in 我的报事, once
    await r.page.getByTestId('back-my-wo').click();
    await r.page.getByTestId('my-wo-page').waitFor();
    await r.page.locator(`[data-testid="wo-row"][data-id="${order.id}"]`).waitFor();
    expect(await myTotal(r.page)).toBe(mineBefore + 1);
    await shot(r.page, 'wo-h5-resident-mine');

    // ── the desk (API) assigns it to 赵师傅 ──
    const candidates = await json<{ userId: string; name: string }[]>(desk.api, 'GET', `/api/work-orders/${order.id}/candidates`);
    const zhao = candidates.find((c) => c.name === '赵师傅');
    expect(zhao).toBeTruthy();
    let current = await json<Detail>(desk.api, 'GET', `/api/work-orders/${order.id}`);
    if (current.status === 'submitted') {
      current = await json<Detail>(desk.api, 'POST', `/api/work-orders/${order.id}/events`, { event: 'assign', version: current.version, assigneeId: zhao!.userId });
    } else if (current.assigneeName !== '赵师傅') {
      current = await json<Detail>(desk.api, 'POST', `/api/work-orders/${order.id}/events`, { event: 'transfer', version: current.version, assigneeId: zhao!.userId });
    }
    expect(current).toMatchObject({ status: 'assigned', assigneeName: '赵师傅' });

    // the resident's open detail follows live (SSE): the assignee appears without a reload
    await r.page.locator(`[data-testid="wo-row"][data-id="${order.id}"] [data-testid="wo-row-link"]`).click();
    await r.page.locator('[data-testid="my-wo-detail"][data-status="assigned"]').waitFor();
    expect(await r.page.getByTestId('wo-assignee').textContent()).toBe('赵师傅');

    // ── technician on the staff H5: my tasks → accept → start → complete with an after photo ──
    const s = await newPage(browser, { phone: true });
    await s.context.grantPermissions(['geolocation']);
    await s.context.setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    await loginAt(s.page, '/m/staff/', 'tech');
    await s.page.getByTestId('h5-tasks-link').click();
    await s.page.getByTestId('wo-tasks-page').waitFor();
    const row = s.page.locator(`[data-testid="wo-row"][data-id="${order.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('wo-deadline').textContent()).toMatch(/还剩|已超时/);
    expect(await noHorizontalScroll(s.page)).toBe(true);
    await shot(s.page, 'wo-h5-staff-tasks');
    await row.getByTestId('wo-row-link').click();
    const detail = s.page.getByTestId('wo-task-detail');
    await detail.waitFor();
    expect(await s.page.getByTestId('wo-navigate').getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/(marker|search)\?/);
    expect(await s.page.getByTestId('wo-contact').textContent()).toContain('吴业主');
    // only what the table allows now: accept / hand back
    expect(await s.page.getByTestId('wo-act-complete').count()).toBe(0);
    for (const step of ['accept', 'start'] as const) {
      await s.page.getByTestId(`wo-act-${step}`).click();
      await s.page.getByTestId('wo-sheet-ok').click();
      await s.page.locator(`[data-testid="wo-task-detail"][data-status="${step === 'accept' ? 'accepted' : 'in_progress'}"]`).waitFor();
    }
    // 给排水 is not chargeable: no quote offered
    expect(await s.page.getByTestId('wo-act-quote').count()).toBe(0);
    await s.page.getByTestId('wo-act-complete').click();
    await s.page.setInputFiles('[data-testid="wo-after-photos-input"]', { name: 'fixed.png', mimeType: 'image/png', buffer: photo });
    await s.page.getByTestId('wo-after-photos-item').first().waitFor();
    await s.page.getByTestId('wo-materials').fill('PVC 管件 1 个');
    await (await inputOf(s.page, 'wo-labour')).fill('40');
    expect(await noHorizontalScroll(s.page)).toBe(true);
    await shot(s.page, 'wo-h5-staff-complete');
    await s.page.getByTestId('wo-sheet-ok').click();
    await s.page.locator('[data-testid="wo-task-detail"][data-status="completed"]').waitFor();
    expect(await s.page.getByTestId('wo-act-complete').count()).toBe(0);

    const done = await json<Detail>(desk.api, 'GET', `/api/work-orders/${order.id}`);
    const complete = done.timeline.find((e) => e.event === 'complete')!;
    expect(complete.files).toHaveLength(1);
    expect(done.timeline.find((e) => e.event === 'start')!.geo).toEqual({ lat: 31.2304, lng: 121.4737 });

    // the scanner: a pasted room code opens that room with its open orders (this one is done now: none of mine)
    await s.page.goto('/m/staff/#/scan');
    await s.page.getByTestId('wo-scan-code').fill('https://example.com/not-ours');
    await s.page.getByTestId('wo-scan-open-code').click();
    await s.page.locator('.ant-form-item-explain-error').filter({ hasText: '不是本系统' }).waitFor();
    await s.page.getByTestId('wo-scan-code').fill(`${baseURL()}/m/resident/#/report?room=${order.roomId}`);
    await s.page.getByTestId('wo-scan-open-code').click();
    await s.page.getByTestId('wo-place-page').waitFor();
    expect(await s.page.getByTestId('wo-place-title').textContent()).toContain('1-1-0101');
    expect(await noHorizontalScroll(s.page)).toBe(true);
    await shot(s.page, 'wo-h5-staff-place');
    // …and a finding reported there is a patrol order the technician can follow
    await s.page.getByTestId('wo-place-report').click();
    await pick(s.page, 'wo-finding-category', '给排水');
    await s.page.getByTestId('wo-finding-description').fill('e2e 巡检：1-1-0101 门口水表井渗水');
    await s.page.getByTestId('wo-finding-submit').click();
    await s.page.locator('[data-testid="wo-task-detail"][data-status="submitted"]').waitFor();
    const findingId = /#\/tasks\/([0-9a-f-]{36})/.exec(s.page.url())![1]!;
    const finding = await json<Detail & { source: string; roomId: string }>(desk.api, 'GET', `/api/work-orders/${findingId}`);
    expect(finding).toMatchObject({ source: 'patrol', roomId: order.roomId });

    // ── resident confirms with 5 stars ──
    await r.page.locator('[data-testid="my-wo-detail"][data-status="completed"]').waitFor();
    await r.page.getByTestId('my-wo-act-confirm').click();
    await r.page.getByTestId('my-wo-comment').fill('修得很快，谢谢赵师傅');
    await r.page.getByTestId('my-wo-sheet-ok').click();
    await r.page.locator('[data-testid="my-wo-detail"][data-status="confirmed"]').waitFor();
    expect(await r.page.getByTestId('wo-rating').textContent()).toContain('★★★★★');
    expect(await r.page.getByTestId('wo-timeline-row').count()).toBeGreaterThanOrEqual(6);
    await shot(r.page, 'wo-h5-resident-rated');

    // a room's printed code opens the form for that room, marked as from a QR code
    await r.page.goto(`/m/resident/#/report?room=${order.roomId}`);
    await r.page.getByTestId('wo-from-qr').waitFor();
    expect(await r.page.getByTestId('wo-room').textContent()).toContain('1-1-0101');
    // a facility's code: a public-area request at that facility, no location text needed
    // (only the pre-fill is checked: the demo may have no facility, so any id in the order's project does)
    const facilityId = (await json<{ items: { id: string }[] }>(desk.api, 'GET', `/api/facilities?projectId=${order.projectId}&pageSize=1`)).items[0]?.id
      ?? '0190a0b0-0000-7000-8000-0000000000f1';
    await r.page.goto(`/m/resident/#/report?facility=${facilityId}&project=${order.projectId}`);
    await r.page.getByTestId('wo-from-qr').waitFor();
    await r.page.getByTestId('wo-location').waitFor();
    expect(await r.page.getByTestId('wo-room').count()).toBe(0);

    // ── the desk's statistics count one more completed and rated order ──
    const after = await json<Stats>(desk.api, 'GET', '/api/work-orders/stats');
    expect(after.total.count).toBe(before.total.count + 2); // the resident's and the patrol finding
    expect(after.total.completed).toBe(before.total.completed + 1);
    expect(after.total.rated).toBe(before.total.rated + 1);

    // the refused text file is the one failed request the resident's page logs
    expect(r.errors.filter((e) => !/status of 415/.test(e))).toEqual([]);
    expect(s.errors).toEqual([]);
    // the finding was only a demonstration: the desk cancels it
    await json(desk.api, 'POST', `/api/work-orders/${findingId}/events`, { event: 'cancel', version: (await json<Detail>(desk.api, 'GET', `/api/work-orders/${findingId}`)).version, note: 'e2e 演示，取消' });
    await Promise.all([r.context.close(), s.context.close(), desk.ctx.close()]);
    await readAllAway(['cs', 'tech', '13900000001']);
  });
  it('a paid repair: the technician quotes in 元 on the staff H5, the resident sees the amount and declines, nothing is billed', { timeout: 180_000 }, async () => {
    const desk = await apiAs('cs');
    const tech = await apiAs('tech');
    const r = await newPage(browser, { phone: true });
    await loginAt(r.page, '/m/resident/', '13900000001');
    await r.page.getByTestId('h5-my-wo').waitFor();
    // set up through the API: the resident's request in the chargeable category, assigned, accepted and started
    const order = await r.page.evaluate(async () => {
      const cats = (await (await fetch('/api/me/work-order-categories')).json()) as { id: string; chargeable: boolean }[];
      const rooms = (await (await fetch('/api/me/rooms')).json()) as { roomId: string; roomCode: string; projectId: string }[];
      const room = rooms.find((x) => x.roomCode === '1-1-0101')!;
      const res = await fetch('/api/me/work-orders', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectId: room.projectId, type: 'repair', categoryId: cats.find((c) => c.chargeable)!.id, description: 'e2e：更换厨房水龙头', area: 'private', roomId: room.roomId }),
      });
      return (await res.json()) as { id: string; version: number };
    });
    const zhao = (await json<{ userId: string; name: string }[]>(desk.api, 'GET', `/api/work-orders/${order.id}/candidates`)).find((c) => c.name === '赵师傅')!;
    let v = (await json<Detail>(desk.api, 'POST', `/api/work-orders/${order.id}/events`, { event: 'assign', version: order.version, assigneeId: zhao.userId })).version;
    for (const event of ['accept', 'start']) v = (await json<Detail>(tech.api, 'POST', `/api/work-orders/${order.id}/events`, { event, version: v })).version;

    const s = await newPage(browser, { phone: true });
    await loginAt(s.page, '/m/staff/', 'tech');
    await s.page.getByTestId('h5-home').waitFor();
    await s.page.goto(`/m/staff/#/tasks/${order.id}`);
    await s.page.locator('[data-testid="wo-task-detail"][data-status="in_progress"]').waitFor();
    await s.page.getByTestId('wo-act-quote').click();
    await s.page.getByTestId('wo-quote-amount').fill('80.5');
    await s.page.getByTestId('wo-note').fill('水龙头 + 人工');
    await s.page.getByTestId('wo-sheet-ok').click();
    await s.page.locator('[data-testid="wo-task-detail"][data-status="paused"]').waitFor();
    // waiting for the resident's answer: no 继续 for the technician
    expect(await s.page.getByTestId('wo-act-resume').count()).toBe(0);

    await r.page.goto(`/m/resident/#/work-orders/${order.id}`);
    await r.page.locator('[data-testid="my-wo-detail"][data-status="paused"]').waitFor();
    expect(await r.page.getByTestId('my-wo-quote-amount').textContent()).toBe('¥80.50');
    expect(await noHorizontalScroll(r.page)).toBe(true);
    await shot(r.page, 'wo-h5-resident-quote');
    await r.page.getByTestId('my-wo-act-decline_quote').click();
    await r.page.getByTestId('my-wo-sheet-ok').click();
    await r.page.locator('[data-testid="my-wo-detail"][data-status="in_progress"]').waitFor();
    expect(await r.page.getByTestId('my-wo-quote').count()).toBe(0);

    // the technician finishes without charging: no bill
    const done = await json<Detail & { chargeBillId: string | null; quote: { status: string } }>(desk.api, 'GET', `/api/work-orders/${order.id}`);
    const completed = await json<Detail & { chargeBillId: string | null }>(tech.api, 'POST', `/api/work-orders/${order.id}/events`, { event: 'complete', version: done.version });
    expect(done.quote.status).toBe('declined');
    expect(completed.chargeBillId).toBeNull();

    expect(r.errors).toEqual([]);
    expect(s.errors).toEqual([]);
    await Promise.all([r.context.close(), s.context.close(), desk.ctx.close(), tech.ctx.close()]);
    await readAllAway(['cs', 'tech', '13900000001']);
  });
});
