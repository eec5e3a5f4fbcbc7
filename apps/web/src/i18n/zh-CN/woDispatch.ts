import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woDispatch. */
export const woDispatchText = {
  woDispatch: {
    title: '工单',
  },
};

export type WoDispatchCatalogue = DeepStrings<typeof woDispatchText>;
