import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 账单批次：预览、生成（后台任务）、进度、作废 */
export function billRunRoutes(_app: App, _ctx: AppContext) {
}
