import { z } from 'zod';
import { ZId, ZName, ZPageQuery, ZPhone, ZVersion } from './common.ts';
import { ZAmount, ZDay } from './billing.ts';
import { workOrderEvents, workOrderStatuses } from '../workorders/transitions.ts';

export const woTypes = ['repair', 'complaint', 'suggestion', 'inquiry', 'praise'] as const;
/** where the request came from: resident H5, a QR code, front desk / phone, a patrol or inspection finding, a device alarm (API), staff on the spot */
export const woSources = ['resident', 'qr', 'desk', 'phone', 'patrol', 'inspection', 'device', 'staff'] as const;
export const woPriorities = ['urgent', 'high', 'normal', 'low'] as const;
export const woAreas = ['private', 'public'] as const;
export const woPauseReasons = ['parts', 'resident', 'other'] as const;
export const slaClocks = ['calendar', 'business'] as const;
export const dispatchModes = ['off', 'suggest', 'auto', 'pool'] as const;
export const revisitResults = ['satisfied', 'neutral', 'unsatisfied', 'unreachable'] as const;

export const ZWoStatus = z.enum(workOrderStatuses);
export const ZWoEventName = z.enum(workOrderEvents);
export const ZWoType = z.enum(woTypes);
export const ZWoSource = z.enum(woSources);
export const ZWoPriority = z.enum(woPriorities);
export const ZWoArea = z.enum(woAreas);
export const ZSlaClock = z.enum(slaClocks);
export const ZDispatchMode = z.enum(dispatchModes);

const ZMinutes = z.number().int().min(1).max(60 * 24 * 90);
/** response (accept) and completion limits for one priority, in minutes of the category's clock */
export const ZSlaLimit = z.object({ responseMinutes: ZMinutes, completeMinutes: ZMinutes }).strict()
  .refine((l) => l.completeMinutes >= l.responseMinutes, { message: 'complete_before_response', path: ['completeMinutes'] });
export const ZSlaLimits = z.object({ urgent: ZSlaLimit, high: ZSlaLimit, normal: ZSlaLimit, low: ZSlaLimit }).strict();
const ZSkill = z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, 'invalid_skill');
const ZCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_code');

// ── categories ──────────────────────────────────────────────────────────────
export const ZWoCategory = z.object({
  id: ZId, code: z.string(), name: z.string(), defaultPriority: ZWoPriority, sla: ZSlaLimits, clock: ZSlaClock,
  skill: z.string().nullable(), chargeable: z.boolean(), feeItemId: ZId.nullable(), status: z.enum(['active', 'archived']),
  sort: z.number().int(), version: z.number().int(),
});
const categoryFields = {
  name: ZName, defaultPriority: ZWoPriority, sla: ZSlaLimits, clock: ZSlaClock, skill: ZSkill.nullable(),
  chargeable: z.boolean(), feeItemId: ZId.nullable(), sort: z.number().int().min(0).max(9999),
};
const chargeableNeedsItem = (c: { chargeable?: boolean; feeItemId?: string | null }) => !c.chargeable || !!c.feeItemId;
const needsItem = { message: 'fee_item_required', path: ['feeItemId'] };
export const ZWoCategoryCreate = z.object({ code: ZCode, ...categoryFields }).strict().refine(chargeableNeedsItem, needsItem);
export const ZWoCategoryUpdate = z.object({ version: ZVersion, ...categoryFields, status: z.enum(['active', 'archived']) }).strict()
  .refine(chargeableNeedsItem, needsItem);

// ── orders ──────────────────────────────────────────────────────────────────
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZFileIds = z.array(ZId).max(9).default([]);
const ZInstant = z.iso.datetime({ offset: true });
export const ZGeo = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();

const whereFields = {
  area: ZWoArea,
  roomId: ZId.optional(),
  facilityId: ZId.optional(),
  buildingId: ZId.optional(),
  locationText: ZText(200).optional(),
};
const oneWhere = (o: { area: string; roomId?: string; facilityId?: string; locationText?: string; buildingId?: string }) =>
  !!(o.roomId || o.facilityId || o.locationText || o.buildingId);
const whereRequired = { message: 'location_required', path: ['locationText'] };
const privateNeedsRoom = (o: { area: string; roomId?: string }) => o.area !== 'private' || !!o.roomId;
const privateRoom = { message: 'room_required_for_private', path: ['roomId'] };
const slotOrder = (o: { preferredFrom?: string; preferredTo?: string }) => !o.preferredFrom || !o.preferredTo || o.preferredFrom < o.preferredTo;
const slot = { message: 'slot_end_before_start', path: ['preferredTo'] };

const orderFields = {
  type: ZWoType,
  categoryId: ZId.optional(),
  priority: ZWoPriority.optional(),
  description: ZText(2000),
  ...whereFields,
  equipmentCode: ZText(64).optional(),
  contactName: ZName.optional(),
  contactPhone: ZPhone.optional(),
  preferredFrom: ZInstant.optional(),
  preferredTo: ZInstant.optional(),
  fileIds: ZFileIds,
};

/** Console / staff H5 / API (device alarms): any source a staff member or an integration enters. */
export const ZWorkOrderCreate = z.object({ projectId: ZId, source: ZWoSource.exclude(['resident']), ...orderFields }).strict()
  .refine(oneWhere, whereRequired).refine(privateNeedsRoom, privateRoom).refine(slotOrder, slot);
/** Resident H5: the project follows from the room (private) or is picked (public area); source resident or qr. */
export const ZMyWorkOrderCreate = z.object({ projectId: ZId, source: z.enum(['resident', 'qr']).default('resident'), ...orderFields }).strict()
  .refine(oneWhere, whereRequired).refine(privateNeedsRoom, privateRoom).refine(slotOrder, slot);

export const ZWoQuote = z.object({ amountFen: z.number().int(), note: z.string().nullable(), status: z.enum(['proposed', 'accepted', 'declined']) });

export const ZWorkOrderRow = z.object({
  id: ZId, no: z.string(), projectId: ZId, projectName: z.string(), type: ZWoType, source: ZWoSource, status: ZWoStatus,
  priority: ZWoPriority, categoryId: ZId.nullable(), categoryName: z.string().nullable(), description: z.string(),
  area: ZWoArea, roomId: ZId.nullable(), roomCode: z.string().nullable(), buildingId: ZId.nullable(), buildingName: z.string().nullable(),
  facilityId: ZId.nullable(), locationText: z.string().nullable(),
  assigneeId: ZId.nullable(), assigneeName: z.string().nullable(), requesterName: z.string().nullable(),
  responseDueAt: z.string().nullable(), completeDueAt: z.string().nullable(), overdue: z.boolean(), inPool: z.boolean(),
  rating: z.number().int().nullable(), createdAt: z.string(), completedAt: z.string().nullable(), version: z.number().int(),
});

export const ZWoFile = z.object({ id: ZId, name: z.string(), mime: z.string(), hasThumbnail: z.boolean() });
export const ZWoTimelineRow = z.object({
  id: ZId, event: z.string(), fromStatus: ZWoStatus.nullable(), toStatus: ZWoStatus, actorName: z.string(), actorId: ZId.nullable(),
  note: z.string().nullable(), data: z.record(z.string(), z.unknown()), files: z.array(ZWoFile), geo: ZGeo.nullable(), createdAt: z.string(),
});

export const ZWorkOrderDetail = ZWorkOrderRow.extend({
  contactName: z.string().nullable(), contactPhone: z.string().nullable(), equipmentCode: z.string().nullable(),
  preferredFrom: z.string().nullable(), preferredTo: z.string().nullable(),
  acceptedAt: z.string().nullable(), startedAt: z.string().nullable(), confirmedAt: z.string().nullable(), closedAt: z.string().nullable(),
  pausedAt: z.string().nullable(), pauseReason: z.string().nullable(), slaClock: ZSlaClock,
  materials: z.string().nullable(), labourMinutes: z.number().int().nullable(), ratingComment: z.string().nullable(),
  quote: ZWoQuote.nullable(), chargeBillId: ZId.nullable(), reopenCount: z.number().int(),
  revisit: z.object({ status: z.enum(['none', 'pending', 'done']), result: z.enum(revisitResults).nullable(), note: z.string().nullable(), at: z.string().nullable() }),
  files: z.array(ZWoFile),
  timeline: z.array(ZWoTimelineRow),
  /** events this actor may fire now, from the shared transition table */
  abilities: z.array(ZWoEventName),
});

/** `a,b` or repeated `?status=a&status=b` */
const csv = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

export const ZWorkOrderQuery = ZPageQuery.extend({
  projectId: ZId.optional(),
  status: csv(ZWoStatus),
  type: ZWoType.optional(),
  source: ZWoSource.optional(),
  categoryId: ZId.optional(),
  priority: ZWoPriority.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  assigneeId: ZId.optional(),
  /** 'me' = assigned to the caller (staff H5 "my tasks"), 'pool' = open in the grab pool */
  mine: z.enum(['me', 'pool']).optional(),
  buildingId: ZId.optional(),
  roomId: ZId.optional(),
  facilityId: ZId.optional(),
  /** 回访: 'pending' = waiting for customer service to call back (low ratings and the sample) */
  revisit: z.enum(['pending', 'done']).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  q: z.string().trim().max(64).optional(),
  sort: z.enum(['created', 'deadline']).default('created'),
});

const base = { version: ZVersion, note: ZText(1000).optional(), fileIds: ZFileIds, geo: ZGeo.optional() };
/** One body per event; the server then checks the transition table. */
export const ZWorkOrderEventBody = z.discriminatedUnion('event', [
  z.object({ event: z.literal('assign'), ...base, assigneeId: ZId }).strict(),
  z.object({ event: z.literal('transfer'), ...base, assigneeId: ZId }).strict(),
  z.object({ event: z.literal('grab'), ...base }).strict(),
  z.object({ event: z.literal('accept'), ...base }).strict(),
  z.object({ event: z.literal('reject'), ...base, note: ZText(1000) }).strict(),
  z.object({ event: z.literal('start'), ...base }).strict(),
  z.object({ event: z.literal('pause'), ...base, reason: z.enum(woPauseReasons) }).strict(),
  z.object({ event: z.literal('resume'), ...base }).strict(),
  z.object({ event: z.literal('quote'), ...base, amountFen: ZAmount }).strict(),
  z.object({ event: z.literal('accept_quote'), ...base }).strict(),
  z.object({ event: z.literal('decline_quote'), ...base }).strict(),
  z.object({ event: z.literal('complete'), ...base, materials: ZText(1000).optional(), labourMinutes: z.number().int().min(0).max(60 * 24 * 30).optional() }).strict(),
  z.object({ event: z.literal('confirm'), ...base, rating: z.number().int().min(1).max(5), comment: ZText(1000).optional() }).strict(),
  z.object({ event: z.literal('reopen'), ...base, note: ZText(1000) }).strict(),
  z.object({ event: z.literal('close'), ...base }).strict(),
  z.object({ event: z.literal('cancel'), ...base, note: ZText(1000) }).strict(),
  z.object({ event: z.literal('revisit'), ...base, result: z.enum(revisitResults) }).strict(),
]);
export type WorkOrderEventBody = z.output<typeof ZWorkOrderEventBody>;

// ── project settings ────────────────────────────────────────────────────────
export const ZWoProjectSettings = z.object({
  projectId: ZId,
  dispatchMode: ZDispatchMode,
  /** the requester may reopen within this many days after completion */
  reopenDays: z.number().int().min(0).max(90),
  /** completed orders not confirmed after this many days are closed by the system */
  autoCloseDays: z.number().int().min(1).max(90),
  /** share of well-rated orders customer service revisits (low ratings are always revisited) */
  revisitSamplePercent: z.number().int().min(0).max(100),
  /** business hours for categories counted in business time, Asia/Shanghai */
  workdayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time'),
  workdayEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time'),
  /** warn the assignee this many minutes before a deadline */
  warnBeforeMinutes: z.number().int().min(0).max(24 * 60),
  /** escalate to HQ this many minutes after the completion deadline passed */
  hqEscalateAfterMinutes: z.number().int().min(1).max(60 * 24 * 30),
  version: z.number().int(),
});
export const ZWoProjectSettingsUpdate = ZWoProjectSettings.omit({ projectId: true }).extend({ version: z.number().int().min(0) }).strict()
  .refine((s) => s.workdayStart < s.workdayEnd, { message: 'end_before_start', path: ['workdayEnd'] });

// ── statistics ──────────────────────────────────────────────────────────────
export const ZWoStatsQuery = z.object({
  projectId: ZId.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  groupBy: z.enum(['project', 'category', 'assignee', 'month', 'day']).default('project'),
}).strict();
export const ZWoStatsRow = z.object({
  key: z.string().nullable(), label: z.string(),
  count: z.number().int(), completed: z.number().int(), completionRate: z.string(),
  avgResponseMinutes: z.number().int().nullable(), avgHandlingMinutes: z.number().int().nullable(),
  overdue: z.number().int(), overdueRate: z.string(),
  rated: z.number().int(), satisfied: z.number().int(), satisfactionRate: z.string(), avgRating: z.string().nullable(),
  revisited: z.number().int(),
});
export const ZWoStats = z.object({ from: z.string(), to: z.string(), total: ZWoStatsRow, rows: z.array(ZWoStatsRow) });

// ── knowledge base (常见问题) ─────────────────────────────────────────────────
export const ZKbArticle = z.object({
  id: ZId, categoryId: ZId.nullable(), categoryName: z.string().nullable(), question: z.string(), answer: z.string(),
  status: z.enum(['published', 'draft']), sort: z.number().int(), version: z.number().int(),
});
const kbFields = { categoryId: ZId.nullable(), question: ZText(200), answer: ZText(4000), status: z.enum(['published', 'draft']), sort: z.number().int().min(0).max(9999) };
export const ZKbArticleCreate = z.object(kbFields).strict();
export const ZKbArticleUpdate = z.object({ version: ZVersion, ...kbFields }).strict();
export const ZKbQuery = z.object({ categoryId: ZId.optional(), q: z.string().trim().max(64).optional() }).strict();

// ── saved list views ────────────────────────────────────────────────────────
export const ZSavedView = z.object({ id: ZId, page: z.string(), name: z.string(), filters: z.record(z.string(), z.unknown()), createdAt: z.string() });
export const ZSavedViewCreate = z.object({
  page: z.string().regex(/^[a-z][a-z0-9_.-]{1,63}$/, 'invalid_page'), name: ZName,
  filters: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(64)).max(20)])).refine((f) => Object.keys(f).length <= 20, 'too_many_filters'),
}).strict();
export const ZSavedViewQuery = z.object({ page: z.string().max(64) }).strict();

export const ZWorkOrderPage = z.object({
  items: z.array(ZWorkOrderRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  /** the count stopped at its cap: there are at least `total` rows */
  totalCapped: z.boolean(),
});
export const ZMyWorkOrderQuery = ZPageQuery.extend({ status: ZWorkOrderQuery.shape.status });

/** Who the desk can assign an order to, best first, with why (skill, shift, building, load). */
export const ZWoCandidate = z.object({
  userId: ZId, name: z.string(), hasSkill: z.boolean(), onShift: z.boolean(), responsibleForBuilding: z.boolean(),
  openLoad: z.number().int(), eligible: z.boolean(), score: z.number(), reasons: z.array(z.string()),
});
