import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woConsole. */
export const woConsoleText = {
  woConsole: {
    title: '工单',
  },
};

export type WoConsoleCatalogue = DeepStrings<typeof woConsoleText>;
