import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woH5. */
export const woH5Text = {
  woH5: {
    title: '工单',
  },
};

export type WoH5Catalogue = DeepStrings<typeof woH5Text>;
