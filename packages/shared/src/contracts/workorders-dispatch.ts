// 派单设置: staff skills, the simple shift table, building responsibility (the dispatch slice).
import { z } from 'zod';
import { ZId } from './common.ts';

/** Skill codes match a category's `skill` (plumbing, electrical, elevator, door_lock, cleaning, greening, security …). */
export const ZWoSkillCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, 'invalid_skill');
/** The codes the default categories use; the console offers them first (any valid code is accepted). */
export const woDefaultSkills = ['plumbing', 'electrical', 'elevator', 'door_lock', 'cleaning', 'greening', 'security'] as const;

/** Without projectId the console switcher's project applies; with neither the list is empty. */
export const ZWoStaffQuery = z.object({ projectId: ZId.optional() }).strict();

/** A worker of the project (staff holding workorder.work) as the dispatch page shows them. */
export const ZWoWorker = z.object({
  userId: ZId, name: z.string(), skills: z.array(z.string()),
  /** a shift of this project covers now */
  onShift: z.boolean(),
  /** buildings of this project they are responsible for */
  buildingIds: z.array(ZId),
  /** orders assigned to them and not finished (assigned, accepted, in progress, paused), all projects */
  openLoad: z.number().int(),
});

/** Replaces the worker's whole skill set (company-wide: skills travel with the person). */
export const ZWoSkillsUpdate = z.object({
  skills: z.array(ZWoSkillCode).max(20).refine((s) => new Set(s).size === s.length, { message: 'duplicate_skill' }),
}).strict();
export const ZWoUserIdParam = z.object({ userId: ZId }).strict();
export const ZWoSkillsResult = z.object({ userId: ZId, skills: z.array(z.string()) });

const ZInstant = z.iso.datetime({ offset: true });
/** from/to default to the last 7 and next 14 days; the range may span at most 62 days. */
export const ZWoShiftQuery = z.object({ projectId: ZId.optional(), from: ZInstant.optional(), to: ZInstant.optional() }).strict();
export const ZWoShift = z.object({
  id: ZId, projectId: ZId, userId: ZId, userName: z.string(), startsAt: z.string(), endsAt: z.string(),
});
/** A shift of at most 24 hours for a worker of that project; overlapping shifts of one worker are refused. */
export const ZWoShiftCreate = z.object({ projectId: ZId, userId: ZId, startsAt: ZInstant, endsAt: ZInstant }).strict();

/** Replaces the building's responsible staff (楼栋责任人); each must be a worker of the building's project. */
export const ZWoBuildingStaffUpdate = z.object({
  userIds: z.array(ZId).max(50).refine((s) => new Set(s).size === s.length, { message: 'duplicate_user' }),
}).strict();
export const ZWoBuildingStaff = z.object({ buildingId: ZId, projectId: ZId, userIds: z.array(ZId) });
