import type { Permission, RowScope } from '@wuye/shared';
import type { Actor } from '../lib/actor.ts';

/**
 * Every route says who may call it: a permission code and the row scope its repo applies, or
 * `public` with the reason it needs no identity. `authenticated` = any signed-in user acting on
 * their own account.
 */
export type RouteAccess =
  | { permission: Permission; scope: RowScope | 'platform'; public?: never }
  | { permission: 'authenticated'; scope: 'self'; public?: never }
  | { public: string; permission?: never; scope?: never };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** accept API keys on this route (integration endpoints); sessions are always accepted */
    apiKey?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Routes that must declare access: the API and the operational endpoints. Static files and docs carry no data. */
export function needsAccessDeclaration(url: string): boolean {
  return url.startsWith('/api') || url.startsWith('/health') || url.startsWith('/files') || url === '/metrics';
}
