import type { PayH5Catalogue } from '../zh-CN/payH5.ts';

/** English catalogue, payments part: payH5 (same keys as zh-CN). */
export const payH5Text: PayH5Catalogue = {
  payH5: {
    title: 'Payments',
  },
};
