import type { AppContext } from '../../context.ts';
import type { JobDef } from '../../jobs/queue.ts';

/** issue 8 payments: this slice's jobs; every one must be returned here (bootstrap lists them all) */
export function afterPaymentJobs(_ctx: AppContext): JobDef<any>[] {
  return [];
}
