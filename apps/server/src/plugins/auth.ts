import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, unauthenticated } from '../lib/errors.ts';
import { hmac, safeEqual, sha256 } from '../lib/tokens.ts';
import type { Actor } from '../lib/actor.ts';
import { loadApiKey, loadSession, touchApiKey, touchSession } from '../modules/auth/actor.repo.ts';
import { memberActor } from '../modules/auth/member-actor.ts';
import { needsAccessDeclaration, type RouteAccess } from './route-config.ts';

export interface RouteInfo { method: string; url: string; access: RouteAccess; apiKey: boolean }

declare module 'fastify' {
  interface FastifyInstance { routeTable: RouteInfo[] }
}

export const SESSION_COOKIE = 'sid';
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the actor (session cookie or API key) and enforces the route's permission before the
 * body is even validated, so an anonymous caller gets 401 and a caller without the permission
 * 403 whatever they send. Row scope is the repos' job (out of scope → 404).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  app.decorateRequest('actor', null);

  const table: RouteInfo[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') table.push({ method, url: route.url, access, apiKey: !!route.config?.apiKey });
      }
    }
    if (!access && needsAccessDeclaration(route.url)) {
      throw new Error(`Route ${route.method} ${route.url} declares neither a permission nor public access`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return; // static assets, 404s
    req.actor = await resolveActor(ctx, req);
    if (access.public !== undefined) return;
    if (!req.actor) throw unauthenticated();
    if (access.permission === 'authenticated') return;
    if (!req.actor.permissions.has(access.permission)) throw forbidden();
  });
});

async function resolveActor(ctx: AppContext, req: FastifyRequest): Promise<Actor | null> {
  const auth = req.headers.authorization;
  const apiKey = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : auth?.startsWith('Bearer wy_') ? auth.slice(7) : undefined;
  if (apiKey) {
    if (!req.routeOptions.config?.apiKey) throw new AppError('unauthenticated', 401, '此接口不接受 API 密钥');
    return apiKeyActor(ctx, req, apiKey);
  }
  const token = req.cookies?.[SESSION_COOKIE];
  return token ? sessionActor(ctx, req, token) : null;
}

/** The actor a session token stands for, or null when it is unknown, revoked, idle or expired. */
export async function sessionActor(ctx: AppContext, req: FastifyRequest, token: string): Promise<Actor | null> {
  const hash = sha256(token);
  let row = ctx.authCache.get(hash);
  if (row && row.expiresAt.getTime() <= Date.now()) row = undefined; // expired while cached: ask the database
  if (!row) {
    row = (await loadSession(ctx.database.db, hash, ctx.config.SESSION_IDLE_MINUTES)) ?? undefined;
    if (!row) return null;
    ctx.authCache.set(hash, row);
  }
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(ctx.database.db, row.sessionId);

  return finish(req, memberActor(row, { sessionId: row.sessionId, ip: req.ip }));
}

async function apiKeyActor(ctx: AppContext, req: FastifyRequest, key: string): Promise<Actor> {
  const m = /^wy_([A-Za-z0-9]{8,16})_([A-Za-z0-9_-]{20,100})$/.exec(key);
  const row = m ? await loadApiKey(ctx.database.db, m[1]!) : null;
  if (!m || !row || !safeEqual(row.secretHash, hmac(ctx.secrets.derive('api-key'), m[2]!))) {
    throw new AppError('unauthenticated', 401, 'API 密钥无效或已吊销');
  }
  await touchApiKey(ctx.database.db, row.id);
  return finish(req, {
    via: 'apikey', userId: null, sessionId: null, apiKeyId: row.id, name: `API:${row.name}`, isPlatformAdmin: false,
    companyId: row.companyId, membershipId: null, memberKind: 'staff', roles: [], permissions: new Set(row.permissions),
    scope: row.projectIds ? 'project' : 'company', projectIds: row.projectIds ?? 'all', selectedProjectId: null, ip: req.ip,
  });
}

/** Applies the console's project switcher (header `x-project-id`) when it names a visible project. */
function finish(req: FastifyRequest, actor: Actor): Actor {
  const pick = req.headers['x-project-id'];
  if (typeof pick === 'string' && /^[0-9a-f-]{36}$/i.test(pick)) {
    if (actor.projectIds === 'all' || actor.projectIds.includes(pick)) actor.selectedProjectId = pick;
  }
  return actor;
}
