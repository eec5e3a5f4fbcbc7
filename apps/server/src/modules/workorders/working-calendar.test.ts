import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../audit/audit.table.ts';
import { businessHoursOf } from './sla.ts';
import { addBusinessMinutes } from './business-time.ts';
import { woWorld, type WoWorld } from './test-kit.ts';
import { companyCalendar, isWorkdayWith, libraryDay, libraryKnowsYear } from './working-calendar.ts';

describe('the statutory calendar from chinese-days', () => {
  it('knows holidays and 调休 make-up days, and which years it covers', () => {
    expect(libraryDay('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(libraryDay('2026-10-10')).toEqual({ kind: 'workday', name: '国庆节' });
    expect(libraryDay('2026-02-14')).toEqual({ kind: 'workday', name: '春节' });
    expect(libraryDay('2025-10-06')).toEqual({ kind: 'holiday', name: '中秋' });
    expect(libraryDay('2026-12-02')).toBeNull();
    expect(libraryDay('2026-12-05')).toBeNull(); // an ordinary Saturday
    expect(libraryKnowsYear(2025)).toBe(true);
    expect(libraryKnowsYear(2026)).toBe(true);
    expect(libraryKnowsYear(2099)).toBe(false);
  });

  it('falls back to Monday–Friday, lets an override win', () => {
    const none = new Map();
    expect(isWorkdayWith(none, '2099-01-02')).toBe(true); // Friday
    expect(isWorkdayWith(none, '2099-01-03')).toBe(false); // Saturday
    expect(isWorkdayWith(none, '2026-10-10')).toBe(true);
    expect(isWorkdayWith(new Map([['2026-10-10', { kind: 'holiday' as const, note: null }]]), '2026-10-10')).toBe(false);
  });
});

describe('calendar routes', () => {
  let t: TestApp;
  let w: WoWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await woWorld(t);
  });
  afterAll(async () => t?.close());

  it('lists a known year from the library, with no warning', async () => {
    const r = await w.as.pm('GET', '/api/work-orders/calendar?year=2026');
    expect(r.statusCode, r.body).toBe(200);
    const y = r.json();
    expect(y.libraryKnowsYear).toBe(true);
    const byDay = Object.fromEntries(y.days.map((d: any) => [d.day, d]));
    expect(byDay['2026-10-01']).toEqual({ day: '2026-10-01', kind: 'holiday', source: 'library', name: '国庆节', note: null, libraryKind: 'holiday' });
    expect(byDay['2026-10-10']).toMatchObject({ kind: 'workday', source: 'library', libraryKind: 'workday' });
    expect(byDay['2026-12-05']).toBeUndefined();
    expect(y.days.filter((d: any) => d.kind === 'holiday')).toHaveLength(33);
    expect(y.days.filter((d: any) => d.kind === 'workday')).toHaveLength(6);
  });

  it('HQ sets and clears days of a year the library does not know; audited; business hours follow', async () => {
    const unknown = (await w.as.hq('GET', '/api/work-orders/calendar?year=2099')).json();
    expect(unknown).toEqual({ year: 2099, libraryKnowsYear: false, days: [] });

    const put = await w.as.hq('PUT', '/api/work-orders/calendar/days/2099-01-02', { kind: 'holiday', note: '公司庆典' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ day: '2099-01-02', kind: 'holiday', source: 'override', name: null, note: '公司庆典', libraryKind: 'workday' });
    expect((await w.as.hq('PUT', '/api/work-orders/calendar/days/2099-01-03', { kind: 'workday' })).statusCode).toBe(200);
    // a second PUT replaces the first
    expect((await w.as.hq('PUT', '/api/work-orders/calendar/days/2099-01-02', { kind: 'holiday', note: '庆典' })).json().note).toBe('庆典');
    const listed = (await w.as.desk('GET', '/api/work-orders/calendar?year=2099')).json();
    expect(listed.days.map((d: any) => [d.day, d.kind, d.source])).toEqual([['2099-01-02', 'holiday', 'override'], ['2099-01-03', 'workday', 'override']]);

    const isWorkday = await companyCalendar(t.ctx.database.db, w.tenant.companyId);
    expect([isWorkday('2099-01-02'), isWorkday('2099-01-03')]).toEqual([false, true]);
    const hours = await businessHoursOf(t.ctx.database.db, w.tenant.companyId, w.tenant.projectA);
    // Thursday 17:00 + 2 h: Friday is the company's day off, Saturday is worked
    expect(addBusinessMinutes(hours, new Date('2099-01-01T17:00:00+08:00'), 120)).toEqual(new Date('2099-01-03T10:00:00+08:00'));

    const del = await w.as.hq('DELETE', '/api/work-orders/calendar/days/2099-01-03');
    expect(del.statusCode, del.body).toBe(200);
    expect((await w.as.hq('DELETE', '/api/work-orders/calendar/days/2099-01-03')).statusCode).toBe(404);
    expect((await w.as.hq('GET', '/api/work-orders/calendar?year=2099')).json().days).toHaveLength(1);

    const audits = await t.ctx.database.db.select().from(auditLog)
      .where(and(eq(auditLog.companyId, w.tenant.companyId), eq(auditLog.action, 'workorder.calendar_updated')));
    expect(audits).toHaveLength(4);
    expect(audits.find((a) => a.entityId === '2099-01-03' && a.after === null)?.before).toMatchObject({ kind: 'workday' });
  });

  it('overrides a library day and shows what it replaced', async () => {
    const r = await w.as.hq('PUT', '/api/work-orders/calendar/days/2026-10-10', { kind: 'holiday', note: '不补班' });
    expect(r.json()).toMatchObject({ kind: 'holiday', source: 'override', name: '国庆节', libraryKind: 'workday' });
    await w.as.hq('DELETE', '/api/work-orders/calendar/days/2026-10-10');
  });

  it('refuses bad input and roles without workorder.config.manage', async () => {
    expect((await w.as.hq('PUT', '/api/work-orders/calendar/days/2026-02-30', { kind: 'holiday' })).statusCode).toBe(400);
    expect((await w.as.hq('PUT', '/api/work-orders/calendar/days/2026-10-11', { kind: 'rest' })).statusCode).toBe(400);
    expect((await w.as.hq('GET', '/api/work-orders/calendar?year=1999')).statusCode).toBe(400);
    expect((await w.as.pm('PUT', '/api/work-orders/calendar/days/2026-10-11', { kind: 'holiday' })).statusCode).toBe(403);
    expect((await w.as.tech('DELETE', '/api/work-orders/calendar/days/2026-10-11')).statusCode).toBe(403);
    expect((await w.as.resident('GET', '/api/work-orders/calendar')).statusCode).toBe(403);
  });
});
