import type { PaymentsCatalogue } from '../zh-CN/payments.ts';

/** English catalogue, payments part: payments (same keys as zh-CN). */
export const paymentsText: PaymentsCatalogue = {
  payments: {
    title: 'Payments',
  },
};
