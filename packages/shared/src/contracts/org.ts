import { z } from 'zod';
import { ZId, ZName, ZPassword, ZPhone, ZUsername, ZVersion, ZPageQuery } from './common.ts';

const ZProjectDetails = {
  type: z.enum(['residential', 'commercial', 'office', 'mixed']),
  address: z.string().trim().max(200).nullable(),
  longitude: z.string().regex(/^-?\d{1,3}(\.\d{1,7})?$/, 'invalid_longitude').nullable(),
  latitude: z.string().regex(/^-?\d{1,2}(\.\d{1,7})?$/, 'invalid_latitude').nullable(),
  /** m² with two decimals as a string ("12500.00") */
  landArea: z.string().nullable(),
  floorArea: z.string().nullable(),
  developer: z.string().trim().max(100).nullable(),
  contractStart: z.iso.date().nullable(),
  contractEnd: z.iso.date().nullable(),
  roomCodePattern: z.string(),
};
export const ZProject = z.object({
  id: ZId,
  companyId: ZId,
  code: z.string(),
  name: z.string(),
  status: z.enum(['active', 'archived']),
  ...ZProjectDetails,
  version: z.number().int(),
  createdAt: z.string(),
});
export type Project = z.infer<typeof ZProject>;

export const ZProjectCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_code');
const ZAreaInput = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(v).trim());
  if (!m) { ctx.addIssue({ code: 'custom', message: 'invalid_area' }); return z.NEVER; }
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
});
const ZRoomCodePattern = z.string().max(64).refine((p) => p.includes('{room') && p.includes('{floor'), 'pattern_needs_floor_and_room');
const editable = {
  type: ZProjectDetails.type.optional(),
  address: ZProjectDetails.address.optional(),
  longitude: ZProjectDetails.longitude.optional(),
  latitude: ZProjectDetails.latitude.optional(),
  landArea: ZAreaInput.nullable().optional(),
  floorArea: ZAreaInput.nullable().optional(),
  developer: ZProjectDetails.developer.optional(),
  contractStart: ZProjectDetails.contractStart.optional(),
  contractEnd: ZProjectDetails.contractEnd.optional(),
  roomCodePattern: ZRoomCodePattern.optional(),
};
export const ZProjectCreate = z.object({ code: ZProjectCode, name: ZName, ...editable }).strict();
export const ZProjectUpdate = z.object({
  version: ZVersion,
  name: ZName.optional(),
  status: z.enum(['active', 'archived']).optional(),
  ...editable,
}).strict().refine((p) => !p.contractStart || !p.contractEnd || p.contractEnd >= p.contractStart, { path: ['contractEnd'], message: 'before_start' });

export const ZRole = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  scope: z.enum(['company', 'project', 'assignee', 'own']),
  permissions: z.array(z.string()),
  version: z.number().int(),
});
export type Role = z.infer<typeof ZRole>;

const ZPermissionList = z.array(z.string().min(1).max(64)).max(200);
export const ZRoleCreate = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'invalid_code'),
  name: ZName,
  scope: z.enum(['company', 'project', 'assignee', 'own']),
  permissions: ZPermissionList,
}).strict();
export const ZRoleUpdate = z.object({
  version: ZVersion,
  name: ZName.optional(),
  permissions: ZPermissionList.optional(),
}).strict();

export const ZStaff = z.object({
  id: ZId, // membership id
  userId: ZId,
  name: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  allProjects: z.boolean(),
  roles: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })),
  projects: z.array(z.object({ id: ZId, name: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Staff = z.infer<typeof ZStaff>;

export const ZStaffQuery = ZPageQuery.extend({
  q: z.string().max(64).optional(),
  projectId: ZId.optional(),
  roleId: ZId.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const ZStaffCreate = z.object({
  name: ZName,
  username: ZUsername.optional(),
  phone: ZPhone,
  password: ZPassword,
  roleIds: z.array(ZId).min(1).max(20),
  projectIds: z.array(ZId).max(500).default([]),
  allProjects: z.boolean().default(false),
}).strict();

export const ZStaffUpdate = z.object({
  version: ZVersion,
  name: ZName.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roleIds: z.array(ZId).min(1).max(20).optional(),
  projectIds: z.array(ZId).max(500).optional(),
  allProjects: z.boolean().optional(),
}).strict();

export const ZResetPassword = z.object({ newPassword: ZPassword }).strict();

export const ZApiKey = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  projectIds: z.array(ZId).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZApiKeyCreate = z.object({
  name: ZName,
  permissions: z.array(z.string().min(1).max(64)).min(1).max(100),
  projectIds: z.array(ZId).max(500).nullable().default(null),
}).strict();
export const ZApiKeyCreated = ZApiKey.extend({ secret: z.string() });

export const ZCompany = z.object({ id: ZId, code: z.string(), name: z.string(), status: z.string(), createdAt: z.string() });
export const ZCompanyCreate = z.object({
  code: ZProjectCode,
  name: ZName,
  admin: z.object({ name: ZName, phone: ZPhone, username: ZUsername.optional(), password: ZPassword }).strict(),
}).strict();
