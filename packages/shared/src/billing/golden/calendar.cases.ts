import type { GoldenCase } from './types.ts';

/** Golden cases: rounding and calendar: half away from zero, leap years, inclusive day counts. The arithmetic of each row is in the comment above it. */
export const CALENDAR: GoldenCase[] = [
  // 5/2 = 2.5 → 3
  { kind: 'round', num: 5n, den: 2n, expected: 3 },
  // -5/2 = -2.5 → -3
  { kind: 'round', num: -5n, den: 2n, expected: -3 },
  // 3/2 = 1.5 → 2
  { kind: 'round', num: 3n, den: 2n, expected: 2 },
  // -3/2 = -1.5 → -2
  { kind: 'round', num: -3n, den: 2n, expected: -2 },
  // 1/3 = ≈0.333333 → 0
  { kind: 'round', num: 1n, den: 3n, expected: 0 },
  // 2/3 = ≈0.666666 → 1
  { kind: 'round', num: 2n, den: 3n, expected: 1 },
  // -1/3 = ≈-0.333333 → 0
  { kind: 'round', num: -1n, den: 3n, expected: 0 },
  // -2/3 = ≈-0.666666 → -1
  { kind: 'round', num: -2n, den: 3n, expected: -1 },
  // 7/1 = 7 → 7
  { kind: 'round', num: 7n, den: 1n, expected: 7 },
  // 0/5 = 0 → 0
  { kind: 'round', num: 0n, den: 5n, expected: 0 },
  // 149/100 = 1.49 → 1
  { kind: 'round', num: 149n, den: 100n, expected: 1 },
  // 150/100 = 1.5 → 2
  { kind: 'round', num: 150n, den: 100n, expected: 2 },
  // -150/100 = -1.5 → -2
  { kind: 'round', num: -150n, den: 100n, expected: -2 },
  // 249/100 = 2.49 → 2
  { kind: 'round', num: 249n, den: 100n, expected: 2 },
  // 250/100 = 2.5 → 3
  { kind: 'round', num: 250n, den: 100n, expected: 3 },
  // 1/2 = 0.5 → 1
  { kind: 'round', num: 1n, den: 2n, expected: 1 },
  // -1/2 = -0.5 → -1
  { kind: 'round', num: -1n, den: 2n, expected: -1 },
  // 99999/2 = 49999.5 → 50000
  { kind: 'round', num: 99999n, den: 2n, expected: 50000 },
  // -99999/2 = -49999.5 → -50000
  { kind: 'round', num: -99999n, den: 2n, expected: -50000 },
  // 110487750/10000 = 11048.775 → 11049
  { kind: 'round', num: 110487750n, den: 10000n, expected: 11049 },
  // 2024-02: leap (2024 % 4=0, % 100=24, % 400=24) → 29
  { kind: 'daysInMonth', y: 2024, m: 2, expected: 29 },
  // 2023-02: not leap (2023 % 4=3, % 100=23, % 400=23) → 28
  { kind: 'daysInMonth', y: 2023, m: 2, expected: 28 },
  // 2100-02: not leap (2100 % 4=0, % 100=0, % 400=100) → 28
  { kind: 'daysInMonth', y: 2100, m: 2, expected: 28 },
  // 2000-02: leap (2000 % 4=0, % 100=0, % 400=0) → 29
  { kind: 'daysInMonth', y: 2000, m: 2, expected: 29 },
  // 1900-02: not leap (1900 % 4=0, % 100=0, % 400=300) → 28
  { kind: 'daysInMonth', y: 1900, m: 2, expected: 28 },
  // 2400-02: leap (2400 % 4=0, % 100=0, % 400=0) → 29
  { kind: 'daysInMonth', y: 2400, m: 2, expected: 29 },
  // 2024-01: month 1 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 1, expected: 31 },
  // 2024-03: month 3 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 3, expected: 31 },
  // 2024-04: month 4 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 4, expected: 30 },
  // 2024-06: month 6 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 6, expected: 30 },
  // 2024-09: month 9 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 9, expected: 30 },
  // 2024-11: month 11 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 11, expected: 30 },
  // 2024-12: month 12 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 12, expected: 31 },
  // 2025-07: month 7 has 31 → 31
  { kind: 'daysInMonth', y: 2025, m: 7, expected: 31 },
  // 2025-08: month 8 has 31 → 31
  { kind: 'daysInMonth', y: 2025, m: 8, expected: 31 },
  // 2024-01-01..2024-01-01: same day → 1
  { kind: 'days', from: '2024-01-01', to: '2024-01-01', expected: 1 },
  // 2024-01-01..2024-12-31: leap year 366 → 366
  { kind: 'days', from: '2024-01-01', to: '2024-12-31', expected: 366 },
  // 2023-01-01..2023-12-31: 365 → 365
  { kind: 'days', from: '2023-01-01', to: '2023-12-31', expected: 365 },
  // 2024-02-01..2024-03-01: 29 + 1 → 30
  { kind: 'days', from: '2024-02-01', to: '2024-03-01', expected: 30 },
  // 2023-02-01..2023-03-01: 28 + 1 → 29
  { kind: 'days', from: '2023-02-01', to: '2023-03-01', expected: 29 },
  // 2100-02-28..2100-03-01: 28th, 1st: 2100 not leap → 2
  { kind: 'days', from: '2100-02-28', to: '2100-03-01', expected: 2 },
  // 2000-02-28..2000-03-01: 28, 29, 1st: 2000 leap → 3
  { kind: 'days', from: '2000-02-28', to: '2000-03-01', expected: 3 },
  // 2024-12-31..2025-01-01: across new year → 2
  { kind: 'days', from: '2024-12-31', to: '2025-01-01', expected: 2 },
  // 2024-01-01..2024-03-31: 31+29+31 → 91
  { kind: 'days', from: '2024-01-01', to: '2024-03-31', expected: 91 },
  // 2023-01-01..2023-03-31: 31+28+31 → 90
  { kind: 'days', from: '2023-01-01', to: '2023-03-31', expected: 90 },
];
