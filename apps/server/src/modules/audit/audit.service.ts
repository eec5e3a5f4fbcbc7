import type { AuditAction } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { auditLog } from './audit.table.ts';

export interface AuditEntity {
  type: string;
  id?: string | null;
  companyId?: string | null;
  projectId?: string | null;
}

/** Writes one audit row in the caller's transaction: the change and its record commit together. */
export async function record(
  tx: Executor,
  actor: Actor | null,
  action: AuditAction,
  entity: AuditEntity,
  before: unknown = null,
  after: unknown = null,
): Promise<void> {
  await tx.insert(auditLog).values({
    companyId: entity.companyId ?? actor?.companyId ?? null,
    projectId: entity.projectId ?? null,
    actorId: actor?.userId ?? actor?.apiKeyId ?? null,
    actorKind: actor?.via ?? 'anonymous',
    action,
    entityType: entity.type,
    entityId: entity.id ?? null,
    before: before as any,
    after: after as any,
    ip: actor?.ip ?? null,
  });
}
