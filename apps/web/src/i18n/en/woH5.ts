import type { WoH5Catalogue } from '../zh-CN/woH5.ts';

/** English catalogue, work-order part: woH5 (same keys as zh-CN). */
export const woH5Text: WoH5Catalogue = {
  woH5: {
    title: 'Work orders',
  },
};
