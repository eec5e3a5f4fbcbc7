import type { GoldenCase } from './types.ts';

/** Golden cases: area × price and fixed monthly charges, prorated by days of each month. The arithmetic of each row is in the comment above it. */
export const PERIODIC: GoldenCase[] = [
  // 8950×12345 = 110487750; /10000 = 11048.775 分 → 11049
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 11049 },
  // 10000×12345 = 123450000; /10000 = 12345 分 → 12345
  { kind: 'periodic', basis: { area: 10000, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 12345 },
  // 5000×12345 = 61725000; /10000 = 6172.5 分 → 6173
  { kind: 'periodic', basis: { area: 5000, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 6173 },
  // 1×5000 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 1, unitPrice: 5000 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 2500×2 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 2500, unitPrice: 2 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 8950×10000 = 89500000; /10000 = 8950 分 → 8950
  { kind: 'periodic', basis: { area: 8950, unitPrice: 10000 }, from: '2024-06-01', to: '2024-06-30', expected: 8950 },
  // 8950×15000 = 134250000; /10000 = 13425 分 → 13425
  { kind: 'periodic', basis: { area: 8950, unitPrice: 15000 }, from: '2024-06-01', to: '2024-06-30', expected: 13425 },
  // 12345×25000 = 308625000; /10000 = 30862.5 分 → 30863
  { kind: 'periodic', basis: { area: 12345, unitPrice: 25000 }, from: '2024-06-01', to: '2024-06-30', expected: 30863 },
  // 12345×24999 = 308612655; /10000 = 30861.2655 分 → 30861
  { kind: 'periodic', basis: { area: 12345, unitPrice: 24999 }, from: '2024-06-01', to: '2024-06-30', expected: 30861 },
  // 9000×23000 = 207000000; /10000 = 20700 分 → 20700
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2024-06-01', to: '2024-06-30', expected: 20700 },
  // 8888×18888 = 167876544; /10000 = 16787.6544 分 → 16788
  { kind: 'periodic', basis: { area: 8888, unitPrice: 18888 }, from: '2024-06-01', to: '2024-06-30', expected: 16788 },
  // 13250×21500 = 284875000; /10000 = 28487.5 分 → 28488
  { kind: 'periodic', basis: { area: 13250, unitPrice: 21500 }, from: '2024-06-01', to: '2024-06-30', expected: 28488 },
  // 6543×30001 = 196296543; /10000 = 19629.6543 分 → 19630
  { kind: 'periodic', basis: { area: 6543, unitPrice: 30001 }, from: '2024-06-01', to: '2024-06-30', expected: 19630 },
  // 100×1 = 100; /10000 = 0.01 分 → 0
  { kind: 'periodic', basis: { area: 100, unitPrice: 1 }, from: '2024-06-01', to: '2024-06-30', expected: 0 },
  // 100×49 = 4900; /10000 = 0.49 分 → 0
  { kind: 'periodic', basis: { area: 100, unitPrice: 49 }, from: '2024-06-01', to: '2024-06-30', expected: 0 },
  // 100×50 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 100, unitPrice: 50 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 100×51 = 5100; /10000 = 0.51 分 → 1
  { kind: 'periodic', basis: { area: 100, unitPrice: 51 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 7325×9999 = 73242675; /10000 = 7324.2675 分 → 7324
  { kind: 'periodic', basis: { area: 7325, unitPrice: 9999 }, from: '2024-06-01', to: '2024-06-30', expected: 7324 },
  // 15000×33333 = 499995000; /10000 = 49999.5 分 → 50000
  { kind: 'periodic', basis: { area: 15000, unitPrice: 33333 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 15001×33333 = 500028333; /10000 = 50002.8333 分 → 50003
  { kind: 'periodic', basis: { area: 15001, unitPrice: 33333 }, from: '2024-06-01', to: '2024-06-30', expected: 50003 },
  // 20000×5 = 100000; /10000 = 10 分 → 10
  { kind: 'periodic', basis: { area: 20000, unitPrice: 5 }, from: '2024-06-01', to: '2024-06-30', expected: 10 },
  // 4321×12345 = 53342745; /10000 = 5334.2745 分 → 5334
  { kind: 'periodic', basis: { area: 4321, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 5334 },
  // 11111×11111 = 123454321; /10000 = 12345.4321 分 → 12345
  { kind: 'periodic', basis: { area: 11111, unitPrice: 11111 }, from: '2024-06-01', to: '2024-06-30', expected: 12345 },
  // 25000×20000 = 500000000; /10000 = 50000 分 → 50000
  { kind: 'periodic', basis: { area: 25000, unitPrice: 20000 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 30050×26800 = 805340000; /10000 = 80534 分 → 80534
  { kind: 'periodic', basis: { area: 30050, unitPrice: 26800 }, from: '2024-06-01', to: '2024-06-30', expected: 80534 },
  // 9999×9999 = 99980001; /10000 = 9998.0001 分 → 9998
  { kind: 'periodic', basis: { area: 9999, unitPrice: 9999 }, from: '2024-06-01', to: '2024-06-30', expected: 9998 },
  // 12000×45000 = 540000000; /10000 = 54000 分 → 54000
  { kind: 'periodic', basis: { area: 12000, unitPrice: 45000 }, from: '2024-06-01', to: '2024-06-30', expected: 54000 },
  // 8000×12500 = 100000000; /10000 = 10000 分 → 10000
  { kind: 'periodic', basis: { area: 8000, unitPrice: 12500 }, from: '2024-06-01', to: '2024-06-30', expected: 10000 },
  // 16000×31250 = 500000000; /10000 = 50000 分 → 50000
  { kind: 'periodic', basis: { area: 16000, unitPrice: 31250 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 1234×5678 = 7006652; /10000 = 700.6652 分 → 701
  { kind: 'periodic', basis: { area: 1234, unitPrice: 5678 }, from: '2024-06-01', to: '2024-06-30', expected: 701 },
  // 56789×12345 = 701060205; /10000 = 70106.0205 分 → 70106
  { kind: 'periodic', basis: { area: 56789, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 70106 },
  // 300000×8800 = 2640000000; /10000 = 264000 分 → 264000
  { kind: 'periodic', basis: { area: 300000, unitPrice: 8800 }, from: '2024-06-01', to: '2024-06-30', expected: 264000 },
  // 99×10101 = 999999; /10000 = 99.9999 分 → 100
  { kind: 'periodic', basis: { area: 99, unitPrice: 10101 }, from: '2024-06-01', to: '2024-06-30', expected: 100 },
  // 10101×99 = 999999; /10000 = 99.9999 分 → 100
  { kind: 'periodic', basis: { area: 10101, unitPrice: 99 }, from: '2024-06-01', to: '2024-06-30', expected: 100 },
  // 50×100 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 50, unitPrice: 100 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 50×101 = 5050; /10000 = 0.505 分 → 1
  { kind: 'periodic', basis: { area: 50, unitPrice: 101 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 75×200 = 15000; /10000 = 1.5 分 → 2
  { kind: 'periodic', basis: { area: 75, unitPrice: 200 }, from: '2024-06-01', to: '2024-06-30', expected: 2 },
  // 125×4000 = 500000; /10000 = 50 分 → 50
  { kind: 'periodic', basis: { area: 125, unitPrice: 4000 }, from: '2024-06-01', to: '2024-06-30', expected: 50 },
  // 333×15015 = 4999995; /10000 = 499.9995 分 → 500
  { kind: 'periodic', basis: { area: 333, unitPrice: 15015 }, from: '2024-06-01', to: '2024-06-30', expected: 500 },
  // 7000×21429 = 150003000; /10000 = 15000.3 分 → 15000
  { kind: 'periodic', basis: { area: 7000, unitPrice: 21429 }, from: '2024-06-01', to: '2024-06-30', expected: 15000 },
  // 10000×31/31 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-01-31', expected: 10000 },
  // 10000×17/31 = ≈5483.870967 → 5484
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-15', to: '2024-01-31', expected: 5484 },
  // 10000×1/31 = ≈322.580645 → 323
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-31', to: '2024-01-31', expected: 323 },
  // 10000×1/31 = ≈322.580645 → 323
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-01-01', expected: 323 },
  // 10000×29/29 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-01', to: '2024-02-29', expected: 10000 },
  // 10000×28/29 = ≈9655.172413 → 9655
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-01', to: '2024-02-28', expected: 9655 },
  // 10000×28/28 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-02-01', to: '2023-02-28', expected: 10000 },
  // 10000×14/28 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-02-15', to: '2023-02-28', expected: 5000 },
  // 10000×14/28 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2100-02-15', to: '2100-02-28', expected: 5000 },
  // 10000×15/29 = ≈5172.413793 → 5172
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2000-02-15', to: '2000-02-29', expected: 5172 },
  // 10000×28/28 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2100-02-01', to: '2100-02-28', expected: 10000 },
  // 10000×28/29 = ≈9655.172413 → 9655
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2000-02-01', to: '2000-02-28', expected: 9655 },
  // 10000×30/30 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-01', to: '2024-04-30', expected: 10000 },
  // 10000×15/30 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-16', to: '2024-04-30', expected: 5000 },
  // 10000×1/30 = ≈333.333333 → 333
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-30', to: '2024-04-30', expected: 333 },
  // 10000×15/30 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-01', to: '2024-04-15', expected: 5000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 = 30000 → 30000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-03-31', expected: 30000 },
  // 10000×31/31 + 10000×28/28 + 10000×31/31 = 30000 → 30000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-01', to: '2023-03-31', expected: 30000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 = 60000 → 60000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-06-30', expected: 60000 },
  // 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 60000 → 60000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-07-01', to: '2024-12-31', expected: 60000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 120000 → 120000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-12-31', expected: 120000 },
  // 10000×31/31 + 10000×28/28 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 120000 → 120000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-01', to: '2023-12-31', expected: 120000 },
  // 10000×12/31 + 10000×10/29 = ≈7319.243604 → 7319
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-20', to: '2024-02-10', expected: 7319 },
  // 10000×12/31 + 10000×10/28 = ≈7442.396313 → 7442
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-20', to: '2023-02-10', expected: 7442 },
  // 10000×15/29 + 10000×14/31 = ≈9688.542825 → 9689
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-15', to: '2024-03-14', expected: 9689 },
  // 10000×1/31 + 10000×1/29 = ≈667.408231 → 667
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-31', to: '2024-02-01', expected: 667 },
  // 10000×1/31 + 10000×1/31 = ≈645.161290 → 645
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-12-31', to: '2025-01-01', expected: 645 },
  // 10000×17/31 + 10000×30/30 + 10000×31/31 + 10000×14/30 = ≈30150.537634 → 30151
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-03-15', to: '2024-06-14', expected: 30151 },
  // 100×1/31 = ≈3.225806 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-01-10', to: '2024-01-10', expected: 3 },
  // 100×1/30 = ≈3.333333 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-04-10', to: '2024-04-10', expected: 3 },
  // 100×1/29 = ≈3.448275 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-02-10', to: '2024-02-10', expected: 3 },
  // 100×1/28 = ≈3.571428 → 4
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2023-02-10', to: '2023-02-10', expected: 4 },
  // 62×15/30 = 31 → 31
  { kind: 'periodic', basis: { monthlyFen: 62 }, from: '2024-06-01', to: '2024-06-15', expected: 31 },
  // 61×15/30 = 30.5 → 31
  { kind: 'periodic', basis: { monthlyFen: 61 }, from: '2024-06-01', to: '2024-06-15', expected: 31 },
  // 3×15/30 = 1.5 → 2
  { kind: 'periodic', basis: { monthlyFen: 3 }, from: '2024-06-01', to: '2024-06-15', expected: 2 },
  // 1×15/30 = 0.5 → 1
  { kind: 'periodic', basis: { monthlyFen: 1 }, from: '2024-06-16', to: '2024-06-30', expected: 1 },
  // -61×15/30 = -30.5 → -31
  { kind: 'periodic', basis: { monthlyFen: -61 }, from: '2024-06-01', to: '2024-06-15', expected: -31 },
  // -10000×17/31 = ≈-5483.870967 → -5484
  { kind: 'periodic', basis: { monthlyFen: -10000 }, from: '2024-01-15', to: '2024-01-31', expected: -5484 },
  // 5000×15/31 = ≈2419.354838 → 2419
  { kind: 'periodic', basis: { monthlyFen: 5000 }, from: '2024-01-17', to: '2024-01-31', expected: 2419 },
  // 31×16/31 = 16 → 16
  { kind: 'periodic', basis: { monthlyFen: 31 }, from: '2024-03-01', to: '2024-03-16', expected: 16 },
  // 29×15/29 = 15 → 15
  { kind: 'periodic', basis: { monthlyFen: 29 }, from: '2024-02-01', to: '2024-02-15', expected: 15 },
  // 0×31/31 + 0×29/29 + 0×31/31 + 0×30/30 + 0×31/31 + 0×30/30 + 0×31/31 + 0×31/31 + 0×30/30 + 0×31/31 + 0×30/30 + 0×31/31 = 0 → 0
  { kind: 'periodic', basis: { monthlyFen: 0 }, from: '2024-01-01', to: '2024-12-31', expected: 0 },
  // 99999×14/29 = ≈48275.379310 → 48275
  { kind: 'periodic', basis: { monthlyFen: 99999 }, from: '2024-02-01', to: '2024-02-14', expected: 48275 },
  // 12345×31/31 = 12345 → 12345
  { kind: 'periodic', basis: { monthlyFen: 12345 }, from: '2024-05-01', to: '2024-05-31', expected: 12345 },
  // 12345×30/31 = ≈11946.774193 → 11947
  { kind: 'periodic', basis: { monthlyFen: 12345 }, from: '2024-05-02', to: '2024-05-31', expected: 11947 },
  // 150000×20/30 + 150000×31/31 + 150000×10/31 = ≈298387.096774 → 298387
  { kind: 'periodic', basis: { monthlyFen: 150000 }, from: '2024-11-11', to: '2025-01-10', expected: 298387 },
  // 7×15/30 = 3.5 → 4
  { kind: 'periodic', basis: { monthlyFen: 7 }, from: '2024-09-01', to: '2024-09-15', expected: 4 },
  // 9×15/30 = 4.5 → 5
  { kind: 'periodic', basis: { monthlyFen: 9 }, from: '2024-09-01', to: '2024-09-15', expected: 5 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (15/30) = 5524.3875 → 5524
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-15', expected: 5524 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (31/31 + 29/29 + 31/31) = 33146.325 → 33146
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-01-01', to: '2024-03-31', expected: 33146 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31) = 132585.3 → 132585
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-01-01', to: '2024-12-31', expected: 132585 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (20/29) = ≈7619.844827 → 7620
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-02-10', to: '2024-02-29', expected: 7620 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (19/28) = ≈7497.383035 → 7497
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2023-02-10', to: '2023-02-28', expected: 7497 },
  // monthly 12345×25000/10000 = 30862.5 分 (not rounded); × (15/30) = 15431.25 → 15431
  { kind: 'periodic', basis: { area: 12345, unitPrice: 25000 }, from: '2024-06-01', to: '2024-06-15', expected: 15431 },
  // monthly 10000×10001/10000 = 10001 分 (not rounded); × (31/31 + 31/31 + 30/30) = 30003 → 30003
  { kind: 'periodic', basis: { area: 10000, unitPrice: 10001 }, from: '2024-07-01', to: '2024-09-30', expected: 30003 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (1/30) = 368.2925 → 368
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-16', to: '2024-06-16', expected: 368 },
  // monthly 13250×21500/10000 = 28487.5 分 (not rounded); × (12/31 + 30/30 + 10/31) = ≈48704.435483 → 48704
  { kind: 'periodic', basis: { area: 13250, unitPrice: 21500 }, from: '2024-03-20', to: '2024-05-10', expected: 48704 },
  // monthly 9000×23000/10000 = 20700 分 (not rounded); × (14/28) = 10350 → 10350
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2100-02-01', to: '2100-02-14', expected: 10350 },
  // monthly 9000×23000/10000 = 20700 分 (not rounded); × (14/29) = ≈9993.103448 → 9993
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2000-02-01', to: '2000-02-14', expected: 9993 },
  // monthly 15001×33333/10000 = 50002.8333 分 (not rounded); × (31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30) = 300016.9998 → 300017
  { kind: 'periodic', basis: { area: 15001, unitPrice: 33333 }, from: '2024-01-01', to: '2024-06-30', expected: 300017 },
];
