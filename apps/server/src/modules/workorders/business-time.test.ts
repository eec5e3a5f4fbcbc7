import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, weekdaysOnly, type BusinessHours } from './business-time.ts';
import { addClockMinutes, clockMinutesBetween } from './sla.ts';
import { isWorkdayWith, type Overrides } from './working-calendar.ts';

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai */
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const calendar = (overrides: Overrides = new Map()): BusinessHours => ({ start: '09:00', end: '18:00', isWorkday: (d) => isWorkdayWith(overrides, d) });
const h = calendar();

describe('business minutes on the working calendar (09:00–18:00 Asia/Shanghai)', () => {
  it('carries over a weekend: Friday 17:00 + 2 h → Monday 10:00', () => {
    expect(addBusinessMinutes(h, sh('2026-11-27 17:00'), 120)).toEqual(sh('2026-11-30 10:00'));
    expect(businessMinutesBetween(h, sh('2026-11-27 17:00'), sh('2026-11-30 10:00'))).toBe(120);
  });

  it('skips 国庆 2026 (Oct 1–7): Wednesday Sep 30 17:00 + 2 h → Thursday Oct 8 10:00', () => {
    expect(addBusinessMinutes(h, sh('2026-09-30 17:00'), 120)).toEqual(sh('2026-10-08 10:00'));
    // a full working day (540 min) from the holiday's eve lands on the 8th too
    expect(addBusinessMinutes(h, sh('2026-09-30 18:00'), 540)).toEqual(sh('2026-10-08 18:00'));
    expect(businessMinutesBetween(h, sh('2026-09-30 09:00'), sh('2026-10-08 18:00'))).toBe(2 * 540);
  });

  it('works the 调休 Saturday Oct 10 2026 (and Sunday Sep 20): a plain Mon–Fri calendar would not', () => {
    expect(addBusinessMinutes(h, sh('2026-10-09 17:00'), 120)).toEqual(sh('2026-10-10 10:00'));
    expect(addBusinessMinutes(weekdaysOnly('09:00', '18:00'), sh('2026-10-09 17:00'), 120)).toEqual(sh('2026-10-12 10:00'));
    expect(addBusinessMinutes(h, sh('2026-09-18 17:00'), 120)).toEqual(sh('2026-09-20 10:00'));
  });

  it('uses 2025 data too: 国庆+中秋 Oct 1–8 2025, make-up Saturday Oct 11', () => {
    expect(addBusinessMinutes(h, sh('2025-09-30 17:00'), 120)).toEqual(sh('2025-10-09 10:00'));
    expect(addBusinessMinutes(h, sh('2025-10-10 17:00'), 120)).toEqual(sh('2025-10-11 10:00'));
  });

  it("follows HQ's override: a company day off, and a working Saturday in a year the library does not know", () => {
    const o: Overrides = new Map([['2027-01-01', { kind: 'holiday', note: '元旦' }], ['2027-01-02', { kind: 'workday', note: '补班' }]]);
    // without overrides 2027-01-01 is a plain Friday
    expect(addBusinessMinutes(h, sh('2026-12-31 17:00'), 120)).toEqual(sh('2027-01-01 10:00'));
    expect(addBusinessMinutes(calendar(o), sh('2026-12-31 17:00'), 120)).toEqual(sh('2027-01-02 10:00'));
    // an override beats the library: make National Day 2026 a working day
    const w: Overrides = new Map([['2026-10-01', { kind: 'workday', note: null }]]);
    expect(addBusinessMinutes(calendar(w), sh('2026-09-30 17:00'), 120)).toEqual(sh('2026-10-01 10:00'));
  });

  it('starts at opening time when begun before it, and next working morning when begun after closing', () => {
    expect(addBusinessMinutes(h, sh('2026-11-30 07:00'), 60)).toEqual(sh('2026-11-30 10:00'));
    expect(addBusinessMinutes(h, sh('2026-11-30 20:00'), 60)).toEqual(sh('2026-12-01 10:00'));
    expect(addBusinessMinutes(h, sh('2026-11-28 11:00'), 30)).toEqual(sh('2026-11-30 09:30'));
    expect(businessMinutesBetween(h, sh('2026-11-30 18:30'), sh('2026-12-01 08:59'))).toBe(0);
  });

  it('ends exactly at closing time, and adding nothing moves nothing', () => {
    expect(addBusinessMinutes(h, sh('2026-11-30 09:00'), 540)).toEqual(sh('2026-11-30 18:00'));
    expect(addBusinessMinutes(h, sh('2026-11-30 18:00'), 0)).toEqual(sh('2026-11-30 18:00'));
  });

  it('a pause shifts a business deadline by the business time it lasted (what shiftedByPause does)', () => {
    // paused Friday 17:00, resumed Monday 10:00: 120 business minutes; a deadline of Monday 12:00 → Monday 14:00
    const paused = clockMinutesBetween('business', h, sh('2026-11-27 17:00'), sh('2026-11-30 10:00'));
    expect(paused).toBe(120);
    expect(addClockMinutes('business', h, sh('2026-11-30 12:00'), paused)).toEqual(sh('2026-11-30 14:00'));
    // the calendar clock counts the whole weekend
    expect(clockMinutesBetween('calendar', h, sh('2026-11-27 17:00'), sh('2026-11-30 10:00'))).toBe(65 * 60);
  });
});
