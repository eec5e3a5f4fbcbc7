import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** issue 8 payments: routes of this slice (see docs/payments-plan.md) */
export function counterRoutes(_app: App, _ctx: AppContext) {}
