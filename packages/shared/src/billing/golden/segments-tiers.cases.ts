import { WATER, POWER, FLAT, GAS, type GoldenCase } from './types.ts';

/** Golden cases: segments inside a period and tiered (阶梯) usage. The arithmetic of each row is in the comment above it. */
export const SEGMENTS_TIERS: GoldenCase[] = [
  // 2024-01-01..2024-01-31: 10000×(31/31) = 10000 → 10000
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 10000 } }], expected: [{ from: '2024-01-01', to: '2024-01-31', fen: 10000 }] },
  // 2024-01-01..2024-01-15: 10000×(15/31) = ≈4838.709677 → 4839; 2024-01-16..2024-01-31: 12000×(16/31) = ≈6193.548387 → 6194
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2023-06-01', values: { monthlyFen: 10000 } }, { effectiveFrom: '2024-01-16', values: { monthlyFen: 12000 } }], expected: [{ from: '2024-01-01', to: '2024-01-15', fen: 4839 }, { from: '2024-01-16', to: '2024-01-31', fen: 6194 }] },
  // 2024-01-01..2024-02-14: 11048.775×(31/31 + 14/29) = ≈16382.666379 → 16383; 2024-02-15..2024-03-31: 13425×(15/29 + 31/31) = ≈20368.965517 → 20369
  { kind: 'segments', from: '2024-01-01', to: '2024-03-31', changes: [{ effectiveFrom: '2023-01-01', values: { area: 8950, unitPrice: 12345 } }, { effectiveFrom: '2024-02-15', values: { area: 8950, unitPrice: 15000 } }], expected: [{ from: '2024-01-01', to: '2024-02-14', fen: 16383 }, { from: '2024-02-15', to: '2024-03-31', fen: 20369 }] },
  // 2024-01-01..2024-02-29: 11048.775×(31/31 + 29/29) = 22097.55 → 22098; 2024-03-01..2024-03-31: 11172.225×(31/31) = 11172.225 → 11172
  { kind: 'segments', from: '2024-01-01', to: '2024-03-31', changes: [{ effectiveFrom: '2023-01-01', values: { area: 8950, unitPrice: 12345 } }, { effectiveFrom: '2024-03-01', values: { area: 9050, unitPrice: 12345 } }], expected: [{ from: '2024-01-01', to: '2024-02-29', fen: 22098 }, { from: '2024-03-01', to: '2024-03-31', fen: 11172 }] },
  // 2024-06-11..2024-06-30: 3000×(20/30) = 2000 → 2000
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-06-11', values: { monthlyFen: 3000 } }], expected: [{ from: '2024-06-11', to: '2024-06-30', fen: 2000 }] },
  // 2024-06-01..2024-06-20: 3000×(20/30) = 2000 → 2000
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 3000 } }, { effectiveFrom: '2024-06-21', values: null }], expected: [{ from: '2024-06-01', to: '2024-06-20', fen: 2000 }] },
  // 2024-02-01..2024-02-09: 2900×(9/29) = 900 → 900; 2024-02-10..2024-02-19: 2900×(10/29) = 1000 → 1000; 2024-02-20..2024-02-29: 5800×(10/29) = 2000 → 2000
  { kind: 'segments', from: '2024-02-01', to: '2024-02-29', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 2900 } }, { effectiveFrom: '2024-02-10', values: { monthlyFen: 2900 } }, { effectiveFrom: '2024-02-20', values: { monthlyFen: 5800 } }], expected: [{ from: '2024-02-01', to: '2024-02-09', fen: 900 }, { from: '2024-02-10', to: '2024-02-19', fen: 1000 }, { from: '2024-02-20', to: '2024-02-29', fen: 2000 }] },
  // 2023-02-01..2023-02-14: 2900×(14/28) = 1450 → 1450; 2023-02-15..2023-02-28: 5800×(14/28) = 2900 → 2900
  { kind: 'segments', from: '2023-02-01', to: '2023-02-28', changes: [{ effectiveFrom: '2023-01-01', values: { monthlyFen: 2900 } }, { effectiveFrom: '2023-02-15', values: { monthlyFen: 5800 } }], expected: [{ from: '2023-02-01', to: '2023-02-14', fen: 1450 }, { from: '2023-02-15', to: '2023-02-28', fen: 2900 }] },
  // 2024-01-01..2024-06-30: 20000×(31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30) = 120000 → 120000; 2024-07-01..2024-12-31: 22000×(31/31 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31) = 132000 → 132000
  { kind: 'segments', from: '2024-01-01', to: '2024-12-31', changes: [{ effectiveFrom: '2024-01-01', values: { area: 10000, unitPrice: 20000 } }, { effectiveFrom: '2024-07-01', values: { area: 10000, unitPrice: 22000 } }], expected: [{ from: '2024-01-01', to: '2024-06-30', fen: 120000 }, { from: '2024-07-01', to: '2024-12-31', fen: 132000 }] },
  // 2024-01-31..2024-01-31: 31×(1/31) = 1 → 1
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-01-31', values: { monthlyFen: 31 } }], expected: [{ from: '2024-01-31', to: '2024-01-31', fen: 1 }] },
  // no segment
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-02-01', values: { monthlyFen: 31 } }], expected: [] },
  // 2024-04-01..2024-04-15: 9000×(15/30) = 4500 → 4500; 2024-04-16..2024-05-15: 9000×(15/30 + 15/31) = ≈8854.838709 → 8855; 2024-05-16..2024-06-30: 9000×(16/31 + 30/30) = ≈13645.161290 → 13645
  { kind: 'segments', from: '2024-04-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 9000 } }, { effectiveFrom: '2024-04-16', values: { monthlyFen: 9000 } }, { effectiveFrom: '2024-05-16', values: { monthlyFen: 9000 } }], expected: [{ from: '2024-04-01', to: '2024-04-15', fen: 4500 }, { from: '2024-04-16', to: '2024-05-15', fen: 8855 }, { from: '2024-05-16', to: '2024-06-30', fen: 13645 }] },
  // 2024-06-01..2024-06-15: 6172.5×(15/30) = 3086.25 → 3086; 2024-06-16..2024-06-30: 6172.5×(15/30) = 3086.25 → 3086
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-06-01', values: { area: 5000, unitPrice: 12345 } }, { effectiveFrom: '2024-06-16', values: { area: 5000, unitPrice: 12345 } }], expected: [{ from: '2024-06-01', to: '2024-06-15', fen: 3086 }, { from: '2024-06-16', to: '2024-06-30', fen: 3086 }] },
  // WATER 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: WATER, expected: 0 },
  // WATER 1: (1×35000)/100000 = 0.35 → 0
  { kind: 'tiered', usage: 1, tiers: WATER, expected: 0 },
  // WATER 12345: (12345×35000)/100000 = 4320.75 → 4321
  { kind: 'tiered', usage: 12345, tiers: WATER, expected: 4321 },
  // WATER 100000: (100000×35000)/100000 = 35000 → 35000
  { kind: 'tiered', usage: 100000, tiers: WATER, expected: 35000 },
  // WATER 179999: (179999×35000)/100000 = 62999.65 → 63000
  { kind: 'tiered', usage: 179999, tiers: WATER, expected: 63000 },
  // WATER 180000: (180000×35000)/100000 = 63000 → 63000
  { kind: 'tiered', usage: 180000, tiers: WATER, expected: 63000 },
  // WATER 180001: (180000×35000 + 1×45000)/100000 = 63000.45 → 63000
  { kind: 'tiered', usage: 180001, tiers: WATER, expected: 63000 },
  // WATER 200000: (180000×35000 + 20000×45000)/100000 = 72000 → 72000
  { kind: 'tiered', usage: 200000, tiers: WATER, expected: 72000 },
  // WATER 259999: (180000×35000 + 79999×45000)/100000 = 98999.55 → 99000
  { kind: 'tiered', usage: 259999, tiers: WATER, expected: 99000 },
  // WATER 260000: (180000×35000 + 80000×45000)/100000 = 99000 → 99000
  { kind: 'tiered', usage: 260000, tiers: WATER, expected: 99000 },
  // WATER 260001: (180000×35000 + 80000×45000 + 1×70000)/100000 = 99000.7 → 99001
  { kind: 'tiered', usage: 260001, tiers: WATER, expected: 99001 },
  // WATER 300000: (180000×35000 + 80000×45000 + 40000×70000)/100000 = 127000 → 127000
  { kind: 'tiered', usage: 300000, tiers: WATER, expected: 127000 },
  // WATER 1000000: (180000×35000 + 80000×45000 + 740000×70000)/100000 = 617000 → 617000
  { kind: 'tiered', usage: 1000000, tiers: WATER, expected: 617000 },
  // WATER 3: (3×35000)/100000 = 1.05 → 1
  { kind: 'tiered', usage: 3, tiers: WATER, expected: 1 },
  // POWER 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: POWER, expected: 0 },
  // POWER 1: (1×5283)/100000 = 0.05283 → 0
  { kind: 'tiered', usage: 1, tiers: POWER, expected: 0 },
  // POWER 95: (95×5283)/100000 = 5.01885 → 5
  { kind: 'tiered', usage: 95, tiers: POWER, expected: 5 },
  // POWER 100000: (100000×5283)/100000 = 5283 → 5283
  { kind: 'tiered', usage: 100000, tiers: POWER, expected: 5283 },
  // POWER 180000: (180000×5283)/100000 = 9509.4 → 9509
  { kind: 'tiered', usage: 180000, tiers: POWER, expected: 9509 },
  // POWER 180001: (180000×5283 + 1×5783)/100000 = 9509.45783 → 9509
  { kind: 'tiered', usage: 180001, tiers: POWER, expected: 9509 },
  // POWER 250000: (180000×5283 + 70000×5783)/100000 = 13557.5 → 13558
  { kind: 'tiered', usage: 250000, tiers: POWER, expected: 13558 },
  // POWER 280000: (180000×5283 + 100000×5783)/100000 = 15292.4 → 15292
  { kind: 'tiered', usage: 280000, tiers: POWER, expected: 15292 },
  // POWER 280001: (180000×5283 + 100000×5783 + 1×8283)/100000 = 15292.48283 → 15292
  { kind: 'tiered', usage: 280001, tiers: POWER, expected: 15292 },
  // POWER 350000: (180000×5283 + 100000×5783 + 70000×8283)/100000 = 21090.5 → 21091
  { kind: 'tiered', usage: 350000, tiers: POWER, expected: 21091 },
  // POWER 2000000: (180000×5283 + 100000×5783 + 1720000×8283)/100000 = 157760 → 157760
  { kind: 'tiered', usage: 2000000, tiers: POWER, expected: 157760 },
  // FLAT 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: FLAT, expected: 0 },
  // FLAT 1: (1×12345)/100000 = 0.12345 → 0
  { kind: 'tiered', usage: 1, tiers: FLAT, expected: 0 },
  // FLAT 4: (4×12345)/100000 = 0.4938 → 0
  { kind: 'tiered', usage: 4, tiers: FLAT, expected: 0 },
  // FLAT 5: (5×12345)/100000 = 0.61725 → 1
  { kind: 'tiered', usage: 5, tiers: FLAT, expected: 1 },
  // FLAT 12345: (12345×12345)/100000 = 1523.99025 → 1524
  { kind: 'tiered', usage: 12345, tiers: FLAT, expected: 1524 },
  // FLAT 999999: (999999×12345)/100000 = 123449.87655 → 123450
  { kind: 'tiered', usage: 999999, tiers: FLAT, expected: 123450 },
  // FLAT 1000000: (1000000×12345)/100000 = 123450 → 123450
  { kind: 'tiered', usage: 1000000, tiers: FLAT, expected: 123450 },
  // GAS 299999: (299999×31500)/100000 = 94499.685 → 94500
  { kind: 'tiered', usage: 299999, tiers: GAS, expected: 94500 },
  // GAS 300000: (300000×31500)/100000 = 94500 → 94500
  { kind: 'tiered', usage: 300000, tiers: GAS, expected: 94500 },
  // GAS 300001: (300000×31500 + 1×39500)/100000 = 94500.395 → 94500
  { kind: 'tiered', usage: 300001, tiers: GAS, expected: 94500 },
  // GAS 456789: (300000×31500 + 156789×39500)/100000 = 156431.655 → 156432
  { kind: 'tiered', usage: 456789, tiers: GAS, expected: 156432 },
];
