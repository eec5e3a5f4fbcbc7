import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { RoleGrant } from '../../lib/actor.ts';

/** A user and their active membership in one company: what an actor is built from (member-actor.ts). */
export interface MemberRow {
  userId: string;
  companyId: string | null;
  name: string;
  isPlatformAdmin: boolean;
  membershipId: string | null;
  memberKind: 'staff' | 'resident' | null;
  displayName: string | null;
  allProjects: boolean;
  grants: RoleGrant[];
  projectIds: string[];
  residentProjectIds: string[];
}

export interface SessionRow extends MemberRow {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The user `u` and membership `m` columns of a MemberRow: the membership's roles, project assignments and resident projects. */
const memberColumns = sql`
           u.id as "userId", u.name, u.is_platform_admin as "isPlatformAdmin",
           m.id as "membershipId", m.kind as "memberKind", m.display_name as "displayName",
           coalesce(m.all_projects, false) as "allProjects",
           coalesce((select json_agg(json_build_object('code', r.code, 'scope', r.scope, 'permissions', r.permissions))
                       from membership_roles mr join roles r on r.id = mr.role_id
                      where mr.company_id = m.company_id and mr.membership_id = m.id), '[]'::json) as grants,
           coalesce((select array_agg(mp.project_id) from membership_projects mp
                      where mp.company_id = m.company_id and mp.membership_id = m.id), '{}'::uuid[]) as "projectIds",
           coalesce((select array_agg(distinct rr.project_id) from resident_rooms rr
                      where rr.company_id = m.company_id and rr.membership_id = m.id and rr.status = 'active'), '{}'::uuid[]) as "residentProjectIds"`;

function memberOf<T extends MemberRow>(row: any): T {
  return {
    ...row,
    grants: typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants,
    projectIds: pgArray(row.projectIds),
    residentProjectIds: pgArray(row.residentProjectIds),
  };
}

/**
 * One round trip per request: the session, its user, the membership in the session's company,
 * that membership's roles and project assignments. Disabled memberships grant nothing.
 */
export async function loadSession(db: Executor, tokenHash: string, idleMinutes: number): Promise<SessionRow | null> {
  const res: any = await db.execute(sql`
    select s.id as "sessionId", s.company_id as "companyId", s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt",
           ${memberColumns}
      from sessions s
      join users u on u.id = s.user_id and u.status = 'active'
      left join memberships m on m.company_id = s.company_id and m.user_id = s.user_id and m.status = 'active'
     where s.token_hash = ${tokenHash}
       and s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`);
  const row = res.rows[0];
  if (!row) return null;
  return { ...memberOf<SessionRow>(row), lastSeenAt: new Date(row.lastSeenAt), expiresAt: new Date(row.expiresAt) };
}

/** A username's active membership in a company, as a session in that company would see it (for the demo seed's actors). */
export async function loadMember(db: Executor, companyId: string, username: string): Promise<MemberRow | null> {
  const res: any = await db.execute(sql`
    select m.company_id as "companyId", ${memberColumns}
      from users u join memberships m on m.user_id = u.id and m.company_id = ${companyId} and m.status = 'active'
     where u.username = ${username} and u.status = 'active'`);
  return res.rows[0] ? memberOf(res.rows[0]) : null;
}

/** pg returns uuid[] as a JS array; drizzle's raw execute on some paths returns '{a,b}'. */
function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v === '{}' ? [] : v.slice(1, -1).split(',');
  return [];
}

/** Conditional, so concurrent requests of one session do not all queue the same update. */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.execute(sql`update sessions set last_seen_at = now() where id = ${sessionId} and last_seen_at < now() - interval '1 minute'`);
}

export interface ApiKeyRow {
  id: string;
  companyId: string;
  name: string;
  secretHash: string;
  permissions: string[];
  projectIds: string[] | null;
}

export async function loadApiKey(db: Executor, prefix: string): Promise<ApiKeyRow | null> {
  const res: any = await db.execute(sql`
    select k.id, k.company_id as "companyId", k.name, k.secret_hash as "secretHash", k.permissions,
           k.project_ids as "projectIds"
      from api_keys k join companies c on c.id = k.company_id and c.status = 'active'
     where k.prefix = ${prefix} and k.revoked_at is null`);
  const row = res.rows[0];
  if (!row) return null;
  return { ...row, permissions: pgArray(row.permissions), projectIds: row.projectIds == null ? null : pgArray(row.projectIds) };
}

export async function touchApiKey(db: Executor, id: string): Promise<void> {
  await db.execute(sql`update api_keys set last_used_at = now() where id = ${id}
                        and (last_used_at is null or last_used_at < now() - interval '1 minute')`);
}
