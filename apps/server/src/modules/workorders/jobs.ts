import type { AppContext } from '../../context.ts';
import type { JobDef } from '../../jobs/queue.ts';

/** Every work-order job (SLA timers, auto-close); bootstrap registers them all. */
export function workOrderJobs(_ctx: AppContext): JobDef<any>[] {
  return [];
}
