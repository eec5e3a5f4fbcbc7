import type { DeepStrings } from './types.ts';

/** issue 8 payments (payH5); owned by one slice (see docs/payments-plan.md) */
export const payH5Text = {
  payH5: {
    title: '收款',
  },
};

export type PayH5Catalogue = DeepStrings<typeof payH5Text>;
