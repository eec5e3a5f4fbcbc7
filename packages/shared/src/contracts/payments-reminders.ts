import { z } from 'zod';
import { ZId, ZName, ZPage, ZPageQuery, ZVersion } from './common.ts';

/**
 * 催缴 (arrears reminders): rules the daily job applies, manual batches, history, printed notices.
 * A room is owing when it has live bills due before today (Asia/Shanghai) whose receivable entries
 * (principal and posted late fees) still sum above zero. Amounts are integer 分.
 */

export const reminderChannelValues = ['inapp', 'sms'] as const;
export const ZReminderChannel = z.enum(reminderChannelValues);
const ZChannels = z.array(ZReminderChannel).min(1).max(2)
  .refine((a) => new Set(a).size === a.length, { message: 'duplicate_channel' });
const ZFen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZDay = z.iso.date();

/** 催缴规则: remind rooms owing ≥ minAmountFen on bills more than daysOverdue days past due, again every repeatDays */
export const ZReminderRuleCreate = z.object({
  projectId: ZId,
  name: ZName,
  daysOverdue: z.number().int().min(0).max(3650),
  minAmountFen: ZFen.default(0),
  repeatDays: z.number().int().min(1).max(365),
  channels: ZChannels,
  enabled: z.boolean().default(true),
}).strict();
export const ZReminderRuleUpdate = ZReminderRuleCreate.omit({ projectId: true }).extend({ version: ZVersion }).strict();
export const ZReminderRule = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), name: z.string(),
  daysOverdue: z.number().int(), minAmountFen: z.number().int(), repeatDays: z.number().int(),
  channels: z.array(ZReminderChannel), enabled: z.boolean(), version: z.number().int(), createdAt: z.string(),
  /** the last time the rule reminded anyone, and how many reminders it has sent in all */
  lastSentAt: z.string().nullable(), sentCount: z.number().int(),
});
export const ZReminderRuleQuery = z.object({ projectId: ZId.optional() }).strict();
export const ZReminderRuleList = z.object({ items: z.array(ZReminderRule) });

/** one owed bill as a reminder shows it (a snapshot: the reminder keeps what was owed when sent) */
export const ZReminderBill = z.object({
  billId: ZId, feeItemName: z.string(), periodFrom: z.string(), periodTo: z.string(), dueDate: z.string(),
  principalFen: z.number().int(), lateFeeFen: z.number().int(), outstandingFen: z.number().int(),
});

/**
 * A manual batch: the rooms of a project (all, one building's, or the listed ones) owing at least
 * minAmountFen (default: anything) on overdue bills. Preview with the same body writes nothing.
 */
export const ZReminderBatch = z.object({
  projectId: ZId,
  roomIds: z.array(ZId).min(1).max(2000).optional(),
  buildingId: ZId.optional(),
  minAmountFen: ZFen.optional(),
  channels: ZChannels,
}).strict().refine((b) => !(b.roomIds && b.buildingId), { path: ['buildingId'], message: 'rooms_or_building' });
export const ZReminderCandidate = z.object({
  roomId: ZId, code: z.string(), buildingName: z.string().nullable(),
  billCount: z.number().int(), totalFen: z.number().int(), oldestDueDate: z.string(),
  /** resident accounts bound to the room (0 = nobody to message: print a notice) */
  residents: z.number().int(),
  bills: z.array(ZReminderBill),
});
export const ZReminderPreview = z.object({
  asOf: z.string(), roomCount: z.number().int(), totalFen: z.number().int(), unreachable: z.number().int(),
  rooms: z.array(ZReminderCandidate),
});
export const ZReminderBatchResult = z.object({
  batchId: ZId, count: z.number().int(), totalFen: z.number().int(),
  /** people reached in all; rooms reaching nobody need the printed notice */
  recipients: z.number().int(), unreachedRoomIds: z.array(ZId),
});

/** 催缴记录 */
export const ZReminder = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), roomId: ZId, roomCode: z.string(), buildingName: z.string().nullable(),
  ruleId: ZId.nullable(), ruleName: z.string().nullable(), batchId: ZId.nullable(),
  totalFen: z.number().int(), billCount: z.number().int(), bills: z.array(ZReminderBill),
  channels: z.array(ZReminderChannel), recipients: z.number().int(),
  sentBy: ZId.nullable(), sentByName: z.string().nullable(), sentAt: z.string(),
});
export const ZReminderQuery = ZPageQuery.extend({
  projectId: ZId.optional(), roomId: ZId.optional(), ruleId: ZId.optional(), batchId: ZId.optional(),
  /** business dates (Asia/Shanghai), inclusive */
  from: ZDay.optional(), to: ZDay.optional(),
  /** no: only reminders that reached nobody (print those) */
  reached: z.enum(['yes', 'no']).optional(),
}).strict();
export const ZReminderPage = ZPage(ZReminder);
export const ZRoomReminders = z.object({ items: z.array(ZReminder) });

/** `a,b` or repeated `?roomIds=a&roomIds=b` */
const csvIds = z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(ZId).min(1).max(500)).optional();
/**
 * 催缴通知单 PDF: one page per owing room — the listed rooms, or the owing rooms of a project
 * (optionally one building, at least minAmountFen); without either the switcher's project.
 */
export const ZReminderNoticeQuery = z.object({
  roomIds: csvIds,
  projectId: ZId.optional(),
  buildingId: ZId.optional(),
  minAmountFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** the pay-by date printed in the letter (default today + 15 days) */
  deadline: ZDay.optional(),
}).strict();
