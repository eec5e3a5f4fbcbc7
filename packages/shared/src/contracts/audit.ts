import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';

export const ZAuditEntry = z.object({
  id: ZId,
  companyId: ZId.nullable(),
  projectId: ZId.nullable(),
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});

export const ZAuditQuery = ZPageQuery.extend({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: ZId.optional(),
  projectId: ZId.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
