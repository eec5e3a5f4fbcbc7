import type { WoConsoleCatalogue } from '../zh-CN/workorders.ts';

/** English catalogue, work-order part: woConsole (same keys as zh-CN). */
export const woConsoleText: WoConsoleCatalogue = {
  woConsole: {
    title: 'Work orders',
  },
};
