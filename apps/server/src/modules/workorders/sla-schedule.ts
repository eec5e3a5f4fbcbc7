import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { WorkOrder } from './access.ts';

/**
 * Called after every change of an order: (re)schedules its SLA notices when its deadlines or its
 * assignee changed. PLACEHOLDER until the SLA jobs land.
 */
export async function scheduleSla(_tx: Tx, _ctx: AppContext, _next: WorkOrder, _before: WorkOrder | null): Promise<void> {}
