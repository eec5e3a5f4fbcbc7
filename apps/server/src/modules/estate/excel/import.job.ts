import type { AppContext } from '../../../context.ts';
import { defineJob } from '../../../jobs/queue.ts';
import { createStore } from '../../files/files.routes.ts';
import { IMPORT_QUEUE, run } from './import.service.ts';

/** Works queued Excel imports one by one (each is already set-based inside). */
export const estateImportJob = (ctx: AppContext) => {
  const store = createStore(ctx);
  return defineJob<{ id: string }>({
    name: IMPORT_QUEUE.name,
    batchSize: 1,
    pollingIntervalSeconds: 0.5,
    retryLimit: 2,
    async handler(jobs) {
      for (const j of jobs) await run(ctx, store, j.data.id);
    },
  });
};
