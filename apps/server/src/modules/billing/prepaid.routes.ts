import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 预存、押金与自动抵扣 */
export function prepaidRoutes(_app: App, _ctx: AppContext) {
}
