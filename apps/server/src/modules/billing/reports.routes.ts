import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 收缴率、欠费账龄、收入报表及导出 */
export function billingReportRoutes(_app: App, _ctx: AppContext) {
}
