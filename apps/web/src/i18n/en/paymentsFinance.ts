import type { PayFinanceCatalogue } from '../zh-CN/paymentsFinance.ts';

/** English catalogue, payments part: payFinance (same keys as zh-CN). */
export const paymentsFinanceText: PayFinanceCatalogue = {
  payFinance: {
    title: 'Payments',
  },
};
