import type { PayAfterCatalogue } from '../zh-CN/paymentsAfter.ts';

/** English catalogue, payments part: payAfter (same keys as zh-CN). */
export const paymentsAfterText: PayAfterCatalogue = {
  payAfter: {
    title: 'Payments',
  },
};
