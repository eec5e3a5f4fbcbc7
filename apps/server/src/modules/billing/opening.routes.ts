import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 期初余额导入 */
export function openingBalanceRoutes(_app: App, _ctx: AppContext) {
}
