import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { systemActor } from '../../lib/actor.ts';
import { keyIdOf, type PiiCipher } from '../../lib/pii-crypto.ts';
import { record } from '../audit/audit.service.ts';
import { cipherOf } from './persons.service.ts';

/** Rows per transaction: the embedded database is one connection, so requests get in between chunks. */
export const REENCRYPT_CHUNK = 1000;

const keyOrder = (id: string) => Number(id.replace(/^k/, '')) || 0;

/** How many stored values sit under each key id, across every company. Nothing is decrypted. */
export async function keyCounts(ctx: AppContext) {
  const res: any = await ctx.database.db.execute(sql`
    select key_id, count(*) filter (where col = 'phone')::int as phone, count(*) filter (where col = 'id_no')::int as id_no
      from (select split_part(phone_enc, '.', 2) as key_id, 'phone' as col from persons where phone_enc is not null
            union all
            select split_part(id_no_enc, '.', 2), 'id_no' from persons where id_no_enc is not null) v
     group by key_id`);
  const currentKeyId = cipherOf(ctx).currentKeyId;
  const keys = (res.rows as { key_id: string; phone: number; id_no: number }[])
    .map((r) => ({ keyId: r.key_id, phone: Number(r.phone), idNo: Number(r.id_no), current: r.key_id === currentKeyId }))
    .sort((a, b) => keyOrder(a.keyId) - keyOrder(b.keyId) || a.keyId.localeCompare(b.keyId));
  const pending = keys.filter((k) => !k.current).reduce((s, k) => s + k.phone + k.idNo, 0);
  return { currentKeyId, keys, pending };
}

export interface ReencryptRun {
  keyId: string;
  /** values re-encrypted, by the key id they were under */
  fromKeys: Record<string, number>;
  values: number;
  persons: number;
  /** values that would not decrypt (left as they were, counted again next run) */
  failed: number;
}

function rewrap(cipher: PiiCipher, stored: string | null, run: ReencryptRun): string | null {
  if (stored === null) return null;
  const from = keyIdOf(stored) ?? 'unknown';
  if (from === cipher.currentKeyId) return stored;
  try {
    const next = cipher.encrypt(cipher.decrypt(stored));
    run.fromKeys[from] = (run.fromKeys[from] ?? 0) + 1;
    run.values++;
    return next;
  } catch {
    run.failed++;
    return stored;
  }
}

/**
 * Moves every phone / ID number not under the configured key id to it, `chunk` persons per short
 * transaction, walking the primary key so a value that will not decrypt is passed once, not
 * retried forever. Blind indexes have their own key and stay as they are; so does `version`
 * (the person did not change, and an open edit form must not turn stale because of a key).
 * Rows locked by a concurrent edit are skipped and picked up by the next run.
 */
export async function reencryptAll(ctx: AppContext, opts: { chunk?: number; requestedBy?: string | null } = {}): Promise<ReencryptRun> {
  const cipher = cipherOf(ctx);
  const k = cipher.currentKeyId;
  const chunk = opts.chunk ?? REENCRYPT_CHUNK;
  const run: ReencryptRun = { keyId: k, fromKeys: {}, values: 0, persons: 0, failed: 0 };
  const db = ctx.database.db;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const seen = await db.transaction(async (tx) => {
      const res: any = await tx.execute(sql`
        select id, phone_enc, id_no_enc from persons
         where id > ${after}::uuid and (split_part(phone_enc, '.', 2) <> ${k} or split_part(id_no_enc, '.', 2) <> ${k})
         order by id limit ${chunk} for update skip locked`);
      const rows = res.rows as { id: string; phone_enc: string | null; id_no_enc: string | null }[];
      const changed = rows.map((r) => ({ id: r.id, phone: rewrap(cipher, r.phone_enc, run), idNo: rewrap(cipher, r.id_no_enc, run), r }))
        .filter((c) => c.phone !== c.r.phone_enc || c.idNo !== c.r.id_no_enc);
      if (changed.length) {
        await tx.execute(sql`
          update persons p set phone_enc = u.phone_enc, id_no_enc = u.id_no_enc
            from unnest(${sql.param(changed.map((c) => c.id))}::uuid[], ${sql.param(changed.map((c) => c.phone))}::text[],
                        ${sql.param(changed.map((c) => c.idNo))}::text[]) as u(id, phone_enc, id_no_enc)
           where p.id = u.id`);
        run.persons += changed.length;
      }
      return rows.map((r) => r.id);
    });
    if (!seen.length) break;
    after = seen[seen.length - 1]!;
    if (seen.length < chunk) break;
  }
  if (run.values || run.failed) {
    await db.transaction((tx) => record(tx, systemActor(null, 'pii-reencrypt'), 'pii.reencrypted',
      { type: 'pii_key', id: k, companyId: null }, null, { ...run, requestedBy: opts.requestedBy ?? null }));
  }
  return run;
}
