import type { GoldenCase } from './types.ts';

/** Golden cases: late fees, settlement order, vacancy discounts, allocations. The arithmetic of each row is in the comment above it. */
export const LATE_FEES: GoldenCase[] = [
  // accrues from 2024-02-11; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-05', payments: [] }, expected: 0 },
  // accrues from 2024-02-11; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-10', payments: [] }, expected: 0 },
  // accrues from 2024-02-11; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-11', payments: [] }, expected: 50 },
  // accrues from 2024-02-11; Σ unpaid = 100000×19d = 1900000 分·days × 500/1e6 = 950; cap 100000×1000/10000 = 10000 → 950
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-29', payments: [] }, expected: 950 },
  // accrues from 2024-02-01; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-01-31', payments: [] }, expected: 0 },
  // accrues from 2024-02-01; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-01', payments: [] }, expected: 50 },
  // accrues from 2024-02-01; Σ unpaid = 100000×60d = 6000000 分·days × 500/1e6 = 3000; cap 100000×1000/10000 = 10000 → 3000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-31', payments: [] }, expected: 3000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×170d = 17000000 分·days × 500/1e6 = 8500; cap 100000×1000/10000 = 10000 → 8500
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-19', payments: [] }, expected: 8500 },
  // accrues from 2024-02-01; Σ unpaid = 100000×171d = 17100000 分·days × 500/1e6 = 8550; cap 100000×1000/10000 = 10000 → 8550
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-20', payments: [] }, expected: 8550 },
  // accrues from 2024-02-01; Σ unpaid = 100000×335d = 33500000 分·days × 500/1e6 = 16750; cap 100000×1000/10000 = 10000 → 10000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-12-31', payments: [] }, expected: 10000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×100d = 10000000 分·days × 500/1e6 = 5000; cap 100000×500/10000 = 5000 → 5000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-05-10', payments: [] }, expected: 5000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×151d = 15100000 分·days × 500/1e6 = 7550; cap 100000×500/10000 = 5000 → 5000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-06-30', payments: [] }, expected: 5000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×99d = 9900000 分·days × 500/1e6 = 4950; cap 100000×500/10000 = 5000 → 4950
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-05-09', payments: [] }, expected: 4950 },
  // accrues from 2024-02-01; Σ unpaid = 100000×335d = 33500000 分·days × 500/1e6 = 16750; no cap → 16750
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: null, asOf: '2024-12-31', payments: [] }, expected: 16750 },
  // accrues from 2024-04-06; Σ unpaid = 12345×15d = 185175 分·days × 500/1e6 = 92.5875; cap 12345×1000/10000 = 1234.5 → 93
  { kind: 'lateFee', input: { principalFen: 12345, dueDate: '2024-03-31', graceDays: 5, dailyRatePpm: 500, capBp: 1000, asOf: '2024-04-20', payments: [] }, expected: 93 },
  // accrues from 2024-04-06; Σ unpaid = 12345×2d = 24690 分·days × 300/1e6 = 7.407; cap 12345×1000/10000 = 1234.5 → 7
  { kind: 'lateFee', input: { principalFen: 12345, dueDate: '2024-03-31', graceDays: 5, dailyRatePpm: 300, capBp: 1000, asOf: '2024-04-07', payments: [] }, expected: 7 },
  // accrues from 2024-02-11; Σ unpaid = 100000×9d + 60000×11d = 1560000 分·days × 500/1e6 = 780; cap 100000×1000/10000 = 10000 → 780
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-20', principalFen: 40000 }] }, expected: 780 },
  // accrues from 2024-02-11; Σ unpaid = 60000×20d = 1200000 分·days × 500/1e6 = 600; cap 100000×1000/10000 = 10000 → 600
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-11', principalFen: 40000 }] }, expected: 600 },
  // accrues from 2024-02-11; Σ unpaid = 60000×20d = 1200000 分·days × 500/1e6 = 600; cap 100000×1000/10000 = 10000 → 600
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-05', principalFen: 40000 }] }, expected: 600 },
  // accrues from 2024-02-11; Σ unpaid = 100000×9d + 0×11d = 900000 分·days × 500/1e6 = 450; cap 100000×1000/10000 = 10000 → 450
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-20', principalFen: 100000 }] }, expected: 450 },
  // accrues from 2024-02-01; Σ unpaid = 100000×9d + 70000×10d + 40000×11d = 2040000 分·days × 500/1e6 = 1020; cap 100000×1000/10000 = 10000 → 1020
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-10', principalFen: 30000 }, { date: '2024-02-20', principalFen: 30000 }] }, expected: 1020 },
  // accrues from 2024-02-01; Σ unpaid = 100000×9d + 0×1d = 900000 分·days × 500/1e6 = 450; cap 100000×1000/10000 = 10000 → 450
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-10', payments: [{ date: '2024-02-10', principalFen: 100000 }] }, expected: 450 },
  // accrues from 2024-02-01; Σ unpaid = 100000×29d + 50000×337d = 19750000 分·days × 500/1e6 = 9875; cap 100000×1000/10000 = 10000 → 9875
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2025-01-31', payments: [{ date: '2024-03-01', principalFen: 50000 }] }, expected: 9875 },
  // accrues from 2024-07-01; Σ unpaid = 3333×3d = 9999 分·days × 500/1e6 = 4.9995; cap 3333×1000/10000 = 333.3 → 5
  { kind: 'lateFee', input: { principalFen: 3333, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-03', payments: [] }, expected: 5 },
  // accrues from 2024-07-01; Σ unpaid = 1000×1d = 1000 分·days × 500/1e6 = 0.5; cap 1000×1000/10000 = 100 → 1
  { kind: 'lateFee', input: { principalFen: 1000, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-01', payments: [] }, expected: 1 },
  // accrues from 2024-07-01; Σ unpaid = 999×1d = 999 分·days × 500/1e6 = 0.4995; cap 999×1000/10000 = 99.9 → 0
  { kind: 'lateFee', input: { principalFen: 999, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-01', payments: [] }, expected: 0 },
  // accrues from 2024-03-01; Σ unpaid = 100000×4d + 99999×6d = 999994 分·days × 1000/1e6 = 999.994; cap 100000×2000/10000 = 20000 → 1000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-02-28', graceDays: 1, dailyRatePpm: 1000, capBp: 2000, asOf: '2024-03-10', payments: [{ date: '2024-03-05', principalFen: 1 }] }, expected: 1000 },
  // accrues from 2023-03-04; Σ unpaid = 50000×11d + 20000×17d = 890000 分·days × 500/1e6 = 445; cap 50000×1000/10000 = 5000 → 445
  { kind: 'lateFee', input: { principalFen: 50000, dueDate: '2023-02-28', graceDays: 3, dailyRatePpm: 500, capBp: 1000, asOf: '2023-03-31', payments: [{ date: '2023-03-15', principalFen: 20000 }, { date: '2023-03-15', principalFen: 10000 }] }, expected: 445 },
  // accrues from 2025-01-01; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-12-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2025-01-01', payments: [] }, expected: 50 },
  // 10000 against 8000 principal + 500 late fee, principal_first → principal 8000, late fee 500, left 1500
  { kind: 'settle', paymentFen: 10000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [8000, 500, 1500] },
  // 10000 against 8000 principal + 500 late fee, late_fee_first → principal 8000, late fee 500, left 1500
  { kind: 'settle', paymentFen: 10000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [8000, 500, 1500] },
  // 5000 against 8000 principal + 500 late fee, principal_first → principal 5000, late fee 0, left 0
  { kind: 'settle', paymentFen: 5000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [5000, 0, 0] },
  // 5000 against 8000 principal + 500 late fee, late_fee_first → principal 4500, late fee 500, left 0
  { kind: 'settle', paymentFen: 5000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [4500, 500, 0] },
  // 300 against 8000 principal + 500 late fee, late_fee_first → principal 0, late fee 300, left 0
  { kind: 'settle', paymentFen: 300, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [0, 300, 0] },
  // 0 against 8000 principal + 500 late fee, principal_first → principal 0, late fee 0, left 0
  { kind: 'settle', paymentFen: 0, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [0, 0, 0] },
  // 8500 against 8000 principal + 500 late fee, principal_first → principal 8000, late fee 500, left 0
  { kind: 'settle', paymentFen: 8500, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [8000, 500, 0] },
  // 100 against 0 principal + 0 late fee, principal_first → principal 0, late fee 0, left 100
  { kind: 'settle', paymentFen: 100, principalOutstanding: 0, lateFeeOutstanding: 0, order: 'principal_first', expected: [0, 0, 100] },
  // 11049×5000/10000 = 5524.5 → discount 5525, net 5524
  { kind: 'vacancy', amountFen: 11049, discountBp: 5000, expected: [5525, 5524] },
  // 11048×5000/10000 = 5524 → discount 5524, net 5524
  { kind: 'vacancy', amountFen: 11048, discountBp: 5000, expected: [5524, 5524] },
  // 1×5000/10000 = 0.5 → discount 1, net 0
  { kind: 'vacancy', amountFen: 1, discountBp: 5000, expected: [1, 0] },
  // 3×5000/10000 = 1.5 → discount 2, net 1
  { kind: 'vacancy', amountFen: 3, discountBp: 5000, expected: [2, 1] },
  // -3×5000/10000 = -1.5 → discount -2, net -1
  { kind: 'vacancy', amountFen: -3, discountBp: 5000, expected: [-2, -1] },
  // -11049×5000/10000 = -5524.5 → discount -5525, net -5524
  { kind: 'vacancy', amountFen: -11049, discountBp: 5000, expected: [-5525, -5524] },
  // 10000×3000/10000 = 3000 → discount 3000, net 7000
  { kind: 'vacancy', amountFen: 10000, discountBp: 3000, expected: [3000, 7000] },
  // 12345×3333/10000 = 4114.5885 → discount 4115, net 8230
  { kind: 'vacancy', amountFen: 12345, discountBp: 3333, expected: [4115, 8230] },
  // 12345×10000/10000 = 12345 → discount 12345, net 0
  { kind: 'vacancy', amountFen: 12345, discountBp: 10000, expected: [12345, 0] },
  // 12345×0/10000 = 0 → discount 0, net 12345
  { kind: 'vacancy', amountFen: 12345, discountBp: 0, expected: [0, 12345] },
  // 99×2500/10000 = 24.75 → discount 25, net 74
  { kind: 'vacancy', amountFen: 99, discountBp: 2500, expected: [25, 74] },
  // 98×2500/10000 = 24.5 → discount 25, net 73
  { kind: 'vacancy', amountFen: 98, discountBp: 2500, expected: [25, 73] },
  // -99×2500/10000 = -24.75 → discount -25, net -74
  { kind: 'vacancy', amountFen: -99, discountBp: 2500, expected: [-25, -74] },
  // 7×7143/10000 = 5.0001 → discount 5, net 2
  { kind: 'vacancy', amountFen: 7, discountBp: 7143, expected: [5, 2] },
  // 100001×5000/10000 = 50000.5 → discount 50001, net 50000
  { kind: 'vacancy', amountFen: 100001, discountBp: 5000, expected: [50001, 50000] },
  // 100 by [1, 1, 1]: exact shares ≈33.333333, ≈33.333333, ≈33.333333 → [34, 33, 33] (Σ 100)
  { kind: 'allocate', totalFen: 100, weights: [1, 1, 1], expected: [34, 33, 33] },
  // -100 by [1, 1, 1]: exact shares ≈-33.333333, ≈-33.333333, ≈-33.333333 → [-34, -33, -33] (Σ -100)
  { kind: 'allocate', totalFen: -100, weights: [1, 1, 1], expected: [-34, -33, -33] },
  // 101 by [1, 1, 1]: exact shares ≈33.666666, ≈33.666666, ≈33.666666 → [34, 34, 33] (Σ 101)
  { kind: 'allocate', totalFen: 101, weights: [1, 1, 1], expected: [34, 34, 33] },
  // 2 by [1, 1, 1]: exact shares ≈0.666666, ≈0.666666, ≈0.666666 → [1, 1, 0] (Σ 2)
  { kind: 'allocate', totalFen: 2, weights: [1, 1, 1], expected: [1, 1, 0] },
  // 1 by [1, 1, 1, 1]: exact shares 0.25, 0.25, 0.25, 0.25 → [1, 0, 0, 0] (Σ 1)
  { kind: 'allocate', totalFen: 1, weights: [1, 1, 1, 1], expected: [1, 0, 0, 0] },
  // 10000 by [8950, 9050, 12000]: exact shares ≈2983.333333, ≈3016.666666, 4000 → [2983, 3017, 4000] (Σ 10000)
  { kind: 'allocate', totalFen: 10000, weights: [8950, 9050, 12000], expected: [2983, 3017, 4000] },
  // -10000 by [8950, 9050, 12000]: exact shares ≈-2983.333333, ≈-3016.666666, -4000 → [-2983, -3017, -4000] (Σ -10000)
  { kind: 'allocate', totalFen: -10000, weights: [8950, 9050, 12000], expected: [-2983, -3017, -4000] },
  // 99999 by [8950, 8950, 8950]: exact shares 33333, 33333, 33333 → [33333, 33333, 33333] (Σ 99999)
  { kind: 'allocate', totalFen: 99999, weights: [8950, 8950, 8950], expected: [33333, 33333, 33333] },
  // 5 by [3, 3, 2, 2]: exact shares 1.5, 1.5, 1, 1 → [2, 1, 1, 1] (Σ 5)
  { kind: 'allocate', totalFen: 5, weights: [3, 3, 2, 2], expected: [2, 1, 1, 1] },
  // 7 by [1, 2, 4]: exact shares 1, 2, 4 → [1, 2, 4] (Σ 7)
  { kind: 'allocate', totalFen: 7, weights: [1, 2, 4], expected: [1, 2, 4] },
  // 12345 by [1]: exact shares 12345 → [12345] (Σ 12345)
  { kind: 'allocate', totalFen: 12345, weights: [1], expected: [12345] },
  // 0 by [1, 2, 3]: exact shares 0, 0, 0 → [0, 0, 0] (Σ 0)
  { kind: 'allocate', totalFen: 0, weights: [1, 2, 3], expected: [0, 0, 0] },
  // 100 by [0, 1, 0]: exact shares 0, 100, 0 → [0, 100, 0] (Σ 100)
  { kind: 'allocate', totalFen: 100, weights: [0, 1, 0], expected: [0, 100, 0] },
  // 1000 by [333, 333, 334]: exact shares 333, 333, 334 → [333, 333, 334] (Σ 1000)
  { kind: 'allocate', totalFen: 1000, weights: [333, 333, 334], expected: [333, 333, 334] },
  // 31 by [10000, 10000, 20000, 20000, 30000]: exact shares ≈3.444444, ≈3.444444, ≈6.888888, ≈6.888888, ≈10.333333 → [4, 3, 7, 7, 10] (Σ 31)
  { kind: 'allocate', totalFen: 31, weights: [10000, 10000, 20000, 20000, 30000], expected: [4, 3, 7, 7, 10] },
  // -31 by [10000, 10000, 20000, 20000, 30000]: exact shares ≈-3.444444, ≈-3.444444, ≈-6.888888, ≈-6.888888, ≈-10.333333 → [-4, -3, -7, -7, -10] (Σ -31)
  { kind: 'allocate', totalFen: -31, weights: [10000, 10000, 20000, 20000, 30000], expected: [-4, -3, -7, -7, -10] },
  // 66667 by [7325, 12000, 9999, 15001, 6543, 8950]: exact shares ≈8163.692784, ≈13373.967702, ≈11143.858587, ≈16718.574124, ≈7292.155889, ≈9974.750911 → [8164, 13374, 11144, 16718, 7292, 9975] (Σ 66667)
  { kind: 'allocate', totalFen: 66667, weights: [7325, 12000, 9999, 15001, 6543, 8950], expected: [8164, 13374, 11144, 16718, 7292, 9975] },
];
