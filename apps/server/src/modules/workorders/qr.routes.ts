import type { AppContext } from '../../context.ts';
import type { App } from '../../lib/http.ts';

/** 房间、设施、设备的报事二维码. PLACEHOLDER: lands with its slice. */
export function workOrderQrRoutes(_app: App, _ctx: AppContext) {}
