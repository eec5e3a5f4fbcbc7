import type { DeepStrings } from './types.ts';

/** issue 8 payments (payments); owned by one slice (see docs/payments-plan.md) */
export const paymentsText = {
  payments: {
    title: '收款',
  },
};

export type PaymentsCatalogue = DeepStrings<typeof paymentsText>;
