import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 账单查询、欠费与滞纳金、减免审批、项目收费设置 */
export function billAccountRoutes(_app: App, _ctx: AppContext) {
}
