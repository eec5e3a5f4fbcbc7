import type { z } from 'zod';
import type { ZKbArticle, ZWoCategory, ZWorkOrderDetail, ZWorkOrderEventBody, ZWorkOrderRow } from '@wuye/shared';

export type WoRow = z.output<typeof ZWorkOrderRow>;
export type WoDetail = z.output<typeof ZWorkOrderDetail>;
export type WoFile = WoDetail['files'][number];
export type WoTimelineRow = WoDetail['timeline'][number];
export type WoCategory = z.output<typeof ZWoCategory>;
export type KbArticle = z.output<typeof ZKbArticle>;
export type WoEventName = WoDetail['abilities'][number];
/** what the screens send: the contract's input, `fileIds` optional */
export type WoEventBody = z.input<typeof ZWorkOrderEventBody>;
/** `{ id, status, event }` of the SSE `workorder.changed` message */
export interface WoChanged { id: string; projectId: string; status: string; event: string }
