import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 派单设置：员工技能、排班、楼栋责任人. PLACEHOLDER: lands with its slice. */
export function dispatchSetupRoutes(_app: App, _ctx: AppContext) {}
