import type { DeepStrings } from './types.ts';

/** issue 8 payments (payAfter); owned by one slice (see docs/payments-plan.md) */
export const paymentsAfterText = {
  payAfter: {
    title: '收款',
  },
};

export type PayAfterCatalogue = DeepStrings<typeof paymentsAfterText>;
