import type { z } from 'zod';
import type {
  ZKbArticle, ZKbArticleCreate, ZKbArticleUpdate, ZSavedView, ZWoCandidate, ZWoCategory, ZWoCategoryCreate, ZWoCategoryUpdate,
  ZWoFile, ZWoProjectSettings, ZWoProjectSettingsUpdate, ZWoStats, ZWoStatsQuery, ZWoStatsRow, ZWoTimelineRow, ZWorkOrderCreate,
  ZWorkOrderDetail, ZWorkOrderPage, ZWorkOrderRow,
} from '@wuye/shared';

export type { WorkOrderEventBody, WorkOrderStatus, WorkOrderEvent } from '@wuye/shared';

export type WorkOrderRow = z.output<typeof ZWorkOrderRow>;
export type WorkOrderDetail = z.output<typeof ZWorkOrderDetail>;
export type WorkOrderPage = z.output<typeof ZWorkOrderPage>;
export type WorkOrderCreate = z.input<typeof ZWorkOrderCreate>;
export type WoTimelineRow = z.output<typeof ZWoTimelineRow>;
export type WoFile = z.output<typeof ZWoFile>;
export type WoCandidate = z.output<typeof ZWoCandidate>;
export type WoCategory = z.output<typeof ZWoCategory>;
export type WoCategoryCreate = z.input<typeof ZWoCategoryCreate>;
export type WoCategoryUpdate = z.input<typeof ZWoCategoryUpdate>;
export type WoSettings = z.output<typeof ZWoProjectSettings>;
export type WoSettingsUpdate = z.input<typeof ZWoProjectSettingsUpdate>;
export type WoStats = z.output<typeof ZWoStats>;
export type WoStatsRow = z.output<typeof ZWoStatsRow>;
export type WoStatsQuery = z.input<typeof ZWoStatsQuery>;
export type KbArticle = z.output<typeof ZKbArticle>;
export type KbArticleCreate = z.input<typeof ZKbArticleCreate>;
export type KbArticleUpdate = z.input<typeof ZKbArticleUpdate>;
export type SavedView = z.output<typeof ZSavedView>;

/** The list's filters as the console keeps them (and saves them in a view); `status` travels as `a,b`. */
export interface WoListQuery {
  page: number;
  pageSize: number;
  status?: string[];
  type?: string;
  categoryId?: string;
  priority?: string;
  overdue?: 'true' | 'false';
  assigneeId?: string;
  buildingId?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: 'created' | 'deadline';
}
