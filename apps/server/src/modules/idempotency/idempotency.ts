import { createHash } from 'node:crypto';
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { AppDb, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, badRequest } from '../../lib/errors.ts';
import type { FastifyReply, FastifyRequest } from '../../lib/http.ts';
import { idempotencyKeys } from './idempotency.table.ts';

const NIL = '00000000-0000-0000-0000-000000000000';
const KEY = /^[\x21-\x7e]{8,128}$/;
/** how long a second request with the same key waits for the first to finish */
const WAIT = '5s';

/** Stable JSON (sorted keys), so the same body always hashes alike. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as any)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/**
 * Runs `work` in one transaction guarded by the request's `Idempotency-Key` (when it has one):
 * the key row is inserted first in that transaction, so a concurrent retry blocks on the unique
 * index until the first commits and then answers its stored response; a failed first attempt rolls
 * its key back with everything else. Same key with another body → 422; still running after a few
 * seconds → 409 with Retry-After.
 */
export async function idempotent<T>(db: AppDb, req: FastifyRequest, reply: FastifyReply, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return db.transaction(work);
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!KEY.test(key)) throw badRequest('Idempotency-Key 须为 8–128 个可见 ASCII 字符', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
  const companyId = actor.companyId ?? NIL;
  const principal = actor.userId ?? actor.apiKeyId ?? 'anonymous';
  const route = `${req.method} ${req.routeOptions.url}`;
  const hash = createHash('sha256').update(`${route}\n${canonical(req.params)}\n${canonical(req.body)}`).digest('hex');
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${WAIT}'`));
      const mine = await tx.insert(idempotencyKeys).values({ companyId, principal, key, route, requestHash: hash, responseStatus: 0, responseBody: {} })
        .onConflictDoNothing().returning({ key: idempotencyKeys.key });
      if (mine.length === 0) {
        const [prior] = await tx.select().from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.companyId, companyId), eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
        if (!prior || prior.requestHash !== hash || prior.route !== route) {
          throw new AppError('idempotency_mismatch', 422, '该 Idempotency-Key 已用于另一个请求', [{ path: 'headers.idempotency-key', message: 'reused_with_other_body' }]);
        }
        reply.header('idempotent-replayed', 'true');
        return prior.responseBody as T;
      }
      await tx.execute(sql.raw(`set local lock_timeout = 0`));
      const result = await work(tx);
      await tx.update(idempotencyKeys).set({ responseStatus: 200, responseBody: JSON.parse(JSON.stringify(result ?? null)) })
        .where(and(eq(idempotencyKeys.companyId, companyId), eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
      return result;
    });
  } catch (err: any) {
    if (err?.code === '55P03' || err?.cause?.code === '55P03') {
      reply.header('retry-after', '1');
      throw new AppError('idempotency_in_progress', 409, '相同 Idempotency-Key 的请求仍在处理中，请稍后重试', { retryAfterSeconds: 1 });
    }
    throw err;
  }
}

/** Keys are kept for two days (the contract promises at least 24 h). */
export const purgeIdempotencyKeys = (db: AppDb) => db.execute(sql`delete from idempotency_keys where created_at < now() - interval '48 hours'`);

/** the request header every money POST declares (OpenAPI shows it; the body schema stays strict) */
export const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();
