import { scopeRank, type RowScope } from '@wuye/shared';
import { forbidden, notFound } from './errors.ts';

/** Who is acting, resolved once per request from a session or an API key. */
export interface Actor {
  via: 'session' | 'apikey' | 'system';
  userId: string | null;
  sessionId: string | null;
  apiKeyId: string | null;
  name: string;
  isPlatformAdmin: boolean;
  companyId: string | null;
  membershipId: string | null;
  memberKind: 'staff' | 'resident' | 'platform';
  roles: string[];
  permissions: ReadonlySet<string>;
  scope: RowScope;
  /** projects this actor may see: 'all' for HQ, otherwise its assignments (residents: their rooms' projects) */
  projectIds: 'all' | string[];
  /** the project picked in the console's switcher, already checked against projectIds */
  selectedProjectId: string | null;
  ip: string | null;
}

export interface RoleGrant {
  code: string;
  scope: RowScope;
  permissions: string[];
}

export function widestScope(grants: RoleGrant[]): RowScope {
  let scope: RowScope = 'own';
  for (const g of grants) if (scopeRank[g.scope] > scopeRank[scope]) scope = g.scope;
  return scope;
}

export function requireCompany(actor: Actor): string {
  if (!actor.companyId) throw forbidden('当前账号未加入任何物业公司');
  return actor.companyId;
}

export function canSeeProject(actor: Actor, projectId: string): boolean {
  return actor.projectIds === 'all' || actor.projectIds.includes(projectId);
}

/** Out of scope reads as not found: the caller learns nothing about other projects. */
export function assertProject(actor: Actor, projectId: string, what = '项目'): void {
  if (!canSeeProject(actor, projectId)) throw notFound(what);
}

/**
 * The projects a list should cover: the switcher's choice if any, else everything visible.
 * Returns 'all' only for HQ-wide reads.
 */
export function listProjects(actor: Actor, requested?: string): 'all' | string[] {
  const pick = requested ?? actor.selectedProjectId ?? undefined;
  if (pick) return canSeeProject(actor, pick) ? [pick] : [];
  return actor.projectIds;
}

export const systemActor = (companyId: string | null, name = 'system'): Actor => ({
  via: 'system', userId: null, sessionId: null, apiKeyId: null, name, isPlatformAdmin: false, companyId,
  membershipId: null, memberKind: 'platform', roles: [], permissions: new Set(), scope: 'company',
  projectIds: 'all', selectedProjectId: null, ip: null,
});

/**
 * A project id from a request must belong to the actor's company AND be within its scope.
 * ('all' only means every project *of this company*: never trust an id without the company check.)
 */
export async function requireProjectInScope(
  exists: (companyId: string, projectId: string) => Promise<boolean>, actor: Actor, projectId: string,
): Promise<void> {
  const companyId = requireCompany(actor);
  if (!canSeeProject(actor, projectId) || !(await exists(companyId, projectId))) throw notFound('项目');
}
