import type { DeepStrings } from './types.ts';

/** issue 8 payments (payFinance); owned by one slice (see docs/payments-plan.md) */
export const paymentsFinanceText = {
  payFinance: {
    title: '收款',
  },
};

export type PayFinanceCatalogue = DeepStrings<typeof paymentsFinanceText>;
