import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';

export const AUTH_CHANGED = 'auth.changed';

/**
 * Call inside any transaction that changes sessions, memberships, roles or account status: this
 * instance forgets cached sessions now, the others when the transaction commits.
 */
export async function authChanged(ctx: Pick<AppContext, 'authCache' | 'events'>, tx: Executor) {
  ctx.authCache.clear();
  await ctx.events.publishSystem(tx, AUTH_CHANGED);
}
