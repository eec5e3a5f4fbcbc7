import type { WoDispatchCatalogue } from '../zh-CN/woDispatch.ts';

/** English catalogue, work-order part: woDispatch (same keys as zh-CN). */
export const woDispatchText: WoDispatchCatalogue = {
  woDispatch: {
    title: 'Work orders',
  },
};
