import { type Actor, widestScope } from '../../lib/actor.ts';
import type { MemberRow } from './actor.repo.ts';

/**
 * The actor a user's membership stands for: its roles' permissions, the widest scope they grant and
 * the projects that scope covers (a resident's: the projects of their rooms). Sessions and the demo
 * seed both build actors here, so they cannot drift apart.
 */
export function memberActor(row: MemberRow, via: { sessionId: string | null; ip: string | null }): Actor {
  const permissions = new Set<string>();
  for (const g of row.grants) for (const p of g.permissions) permissions.add(p);
  if (row.isPlatformAdmin) permissions.add('platform.company.manage');
  const scope = row.memberKind === 'resident' ? 'own' : widestScope(row.grants);
  const projectIds: Actor['projectIds'] =
    row.memberKind === 'resident' ? row.residentProjectIds : scope === 'company' || row.allProjects ? 'all' : row.projectIds;
  return {
    via: 'session', userId: row.userId, sessionId: via.sessionId, apiKeyId: null,
    name: row.displayName ?? row.name, isPlatformAdmin: row.isPlatformAdmin,
    companyId: row.membershipId ? row.companyId : null, membershipId: row.membershipId,
    // a registered person not yet bound to any company's room is a resident-to-be
    memberKind: row.memberKind ?? (row.isPlatformAdmin ? 'platform' : 'resident'), roles: row.grants.map((g) => g.code), permissions, scope, projectIds,
    selectedProjectId: null, ip: via.ip,
  };
}
