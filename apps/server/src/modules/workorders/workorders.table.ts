import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dispatchModes, slaClocks, woAreas, woPriorities, woSources, woTypes, workOrderStatuses } from '@wuye/shared';
import { companies, projects } from '../org/org.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 工单类别: per company, with the SLA per priority, the skill it needs and whether it is charged. */
export const woCategories = pgTable('wo_categories', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  defaultPriority: text('default_priority', { enum: woPriorities }).notNull().default('normal'),
  /** { urgent|high|normal|low: { responseMinutes, completeMinutes } } */
  sla: jsonb('sla').notNull(),
  clock: text('clock', { enum: slaClocks }).notNull().default('calendar'),
  skill: text('skill'),
  chargeable: boolean('chargeable').notNull().default(false),
  /** the fee item a paid repair is billed under (one-off charge) */
  feeItemId: uuid('fee_item_id'),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  sort: integer('sort').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('wo_categories_code_uq').on(t.companyId, t.code)]);

/**
 * 工单. Deadlines are stored (computed in the category's clock when the order is submitted, moved
 * when a pause ends); `*_warned_at` / `*_escalated_at` make each SLA notice fire once whichever
 * instance runs the job.
 */
export const workOrders = pgTable('work_orders', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  no: text('no').notNull(),
  type: text('type', { enum: woTypes }).notNull(),
  source: text('source', { enum: woSources }).notNull(),
  categoryId: uuid('category_id').references(() => woCategories.id),
  priority: text('priority', { enum: woPriorities }).notNull(),
  status: text('status', { enum: workOrderStatuses }).notNull().default('submitted'),
  description: text('description').notNull(),
  area: text('area', { enum: woAreas }).notNull(),
  roomId: uuid('room_id'),
  buildingId: uuid('building_id'),
  facilityId: uuid('facility_id'),
  locationText: text('location_text'),
  equipmentCode: text('equipment_code'),
  requesterUserId: uuid('requester_user_id'),
  requesterName: text('requester_name'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  preferredFrom: ts('preferred_from'),
  preferredTo: ts('preferred_to'),
  assigneeUserId: uuid('assignee_user_id'),
  assigneeName: text('assignee_name'),
  /** open to 抢单 by eligible staff */
  inPool: boolean('in_pool').notNull().default(false),
  slaClock: text('sla_clock', { enum: slaClocks }).notNull().default('calendar'),
  responseDueAt: ts('response_due_at'),
  completeDueAt: ts('complete_due_at'),
  responseWarnedAt: ts('response_warned_at'),
  responseEscalatedAt: ts('response_escalated_at'),
  completeWarnedAt: ts('complete_warned_at'),
  completeEscalatedAt: ts('complete_escalated_at'),
  hqEscalatedAt: ts('hq_escalated_at'),
  /** a deadline was missed (set when it passes or when the order finishes late); never cleared */
  overdue: boolean('overdue').notNull().default(false),
  acceptedAt: ts('accepted_at'),
  startedAt: ts('started_at'),
  pausedAt: ts('paused_at'),
  pauseReason: text('pause_reason'),
  completedAt: ts('completed_at'),
  confirmedAt: ts('confirmed_at'),
  closedAt: ts('closed_at'),
  cancelledAt: ts('cancelled_at'),
  materials: text('materials'),
  labourMinutes: integer('labour_minutes'),
  rating: integer('rating'),
  ratingComment: text('rating_comment'),
  quoteFen: bigint('quote_fen', { mode: 'number' }),
  quoteNote: text('quote_note'),
  quoteStatus: text('quote_status', { enum: ['proposed', 'accepted', 'declined'] }),
  /** the one bill a paid repair produced */
  chargeBillId: uuid('charge_bill_id'),
  reopenCount: integer('reopen_count').notNull().default(0),
  revisitStatus: text('revisit_status', { enum: ['none', 'pending', 'done'] }).notNull().default('none'),
  revisitResult: text('revisit_result'),
  revisitNote: text('revisit_note'),
  revisitedAt: ts('revisited_at'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('work_orders_no_uq').on(t.companyId, t.no),
  uniqueIndex('work_orders_charge_bill_uq').on(t.chargeBillId),
  index('work_orders_project_created_idx').on(t.companyId, t.projectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index('work_orders_project_status_idx').on(t.companyId, t.projectId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index('work_orders_assignee_idx').on(t.companyId, t.assigneeUserId, t.status),
  index('work_orders_requester_idx').on(t.companyId, t.requesterUserId, t.createdAt.desc().nullsFirst()),
  index('work_orders_room_idx').on(t.companyId, t.roomId),
  // the console's everyday view (open orders, newest first) and the SLA sweep (open orders by deadline)
  index('work_orders_open_created_idx').on(t.companyId, t.projectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status in ('submitted','assigned','accepted','in_progress','paused')`),
  index('work_orders_open_due_idx').on(t.companyId, t.projectId, t.completeDueAt).where(sql`status in ('submitted','assigned','accepted','in_progress','paused')`),
  // 超时 filter: the flag is set when a deadline passes (SLA job or sweep) or an order finishes late
  index('work_orders_overdue_idx').on(t.companyId, t.projectId, t.completeDueAt).where(sql`overdue`),
  check('work_orders_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  check('work_orders_quote', sql`${t.quoteFen} is null or ${t.quoteFen} > 0`),
]);

/** The timeline: one row per transition (who, when, note, photos, location, and why for automatic choices). */
export const woEvents = pgTable('wo_events', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  workOrderId: uuid('work_order_id').notNull().references(() => workOrders.id),
  event: text('event').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name').notNull(),
  note: text('note'),
  data: jsonb('data').notNull().default({}),
  fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
  lat: text('lat'),
  lng: text('lng'),
  createdAt: createdAt(),
}, (t) => [index('wo_events_order_idx').on(t.companyId, t.workOrderId, t.createdAt)]);

/** Per-day work-order numbers: WO + yyyymmdd + 4 digits, one counter row per company and day. */
export const woCounters = pgTable('wo_counters', {
  companyId: uuid('company_id').notNull(),
  day: text('day').notNull(),
  n: integer('n').notNull(),
}, (t) => [uniqueIndex('wo_counters_uq').on(t.companyId, t.day)]);

export const woProjectSettings = pgTable('wo_project_settings', {
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').primaryKey().references(() => projects.id),
  dispatchMode: text('dispatch_mode', { enum: dispatchModes }).notNull().default('suggest'),
  reopenDays: integer('reopen_days').notNull().default(7),
  autoCloseDays: integer('auto_close_days').notNull().default(7),
  revisitSamplePercent: integer('revisit_sample_percent').notNull().default(20),
  workdayStart: text('workday_start').notNull().default('09:00'),
  workdayEnd: text('workday_end').notNull().default('18:00'),
  warnBeforeMinutes: integer('warn_before_minutes').notNull().default(30),
  hqEscalateAfterMinutes: integer('hq_escalate_after_minutes').notNull().default(24 * 60),
  version: version(),
});

/** Skills a staff member has (plumbing, electrical, elevator …): dispatch matches a category's skill. */
export const staffSkills = pgTable('staff_skills', {
  companyId: uuid('company_id').notNull(),
  userId: uuid('user_id').notNull(),
  skill: text('skill').notNull(),
}, (t) => [uniqueIndex('staff_skills_uq').on(t.companyId, t.userId, t.skill), index('staff_skills_skill_idx').on(t.companyId, t.skill)]);

/** A simple shift table (the workforce module refines it): who is on duty in a project when. */
export const staffShifts = pgTable('staff_shifts', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  userId: uuid('user_id').notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('staff_shifts_project_idx').on(t.companyId, t.projectId, t.startsAt),
  check('staff_shifts_order', sql`${t.endsAt} > ${t.startsAt}`),
]);

/** 楼栋责任人: staff responsible for a building; dispatch prefers them. */
export const buildingStaff = pgTable('building_staff', {
  companyId: uuid('company_id').notNull(),
  buildingId: uuid('building_id').notNull(),
  userId: uuid('user_id').notNull(),
}, (t) => [uniqueIndex('building_staff_uq').on(t.companyId, t.buildingId, t.userId), index('building_staff_user_idx').on(t.companyId, t.userId)]);

/**
 * HQ's corrections to the working calendar: a day forced to be a working day (调休) or a holiday,
 * for years the holiday library does not know yet or for company-specific days off.
 */
export const workCalendarDays = pgTable('work_calendar_days', {
  companyId: uuid('company_id').notNull(),
  day: text('day').notNull(),
  kind: text('kind', { enum: ['workday', 'holiday'] }).notNull(),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('work_calendar_days_uq').on(t.companyId, t.day)]);

/** 常见问题: answers by category shown to residents before they submit a request. */
export const kbArticles = pgTable('kb_articles', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  categoryId: uuid('category_id').references(() => woCategories.id),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  status: text('status', { enum: ['published', 'draft'] }).notNull().default('published'),
  sort: integer('sort').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
}, (t) => [index('kb_articles_category_idx').on(t.companyId, t.categoryId, t.sort)]);

/** A user's saved list filters (工单视图 and any other list page that wants them). */
export const savedViews = pgTable('saved_views', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  userId: uuid('user_id').notNull(),
  page: text('page').notNull(),
  name: text('name').notNull(),
  filters: jsonb('filters').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('saved_views_uq').on(t.companyId, t.userId, t.page, t.name)]);
