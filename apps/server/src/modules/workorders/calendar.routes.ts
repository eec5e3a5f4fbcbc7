import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 工作日历（法定节假日与调休，总部可修正）. PLACEHOLDER: lands with its slice. */
export function workOrderCalendarRoutes(_app: App, _ctx: AppContext) {}
