import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../lib/like.ts';
import type { z } from 'zod';
import type { ZPersonCreate } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { duplicate, forbidden, notFound } from '../../lib/errors.ts';
import { maskIdNumber, piiCipher, type PiiCipher } from '../../lib/pii-crypto.ts';
import { maskPhone } from '../../lib/pii.ts';
import { record } from '../audit/audit.service.ts';
import { persons } from './residents.table.ts';

type Person = typeof persons.$inferSelect;

/** One cipher per secrets × configured key id: encrypts under `PII_KEY_ID`, decrypts any older id. */
const ciphers = new WeakMap<object, Map<string, PiiCipher>>();
export const cipherOf = (ctx: AppContext) => {
  const keyId = ctx.config.PII_KEY_ID ?? 'k1';
  let byKey = ciphers.get(ctx.secrets);
  if (!byKey) ciphers.set(ctx.secrets, (byKey = new Map()));
  let c = byKey.get(keyId);
  if (!c) byKey.set(keyId, (c = piiCipher(ctx.secrets, keyId)));
  return c;
};

/** Masked unless the actor holds pii.view AND asked to reveal (and then the view is audited). */
export function personView(cipher: PiiCipher, p: Person, reveal: boolean) {
  return {
    id: p.id, name: p.name, gender: p.gender, birthday: p.birthday, emergencyContact: p.emergencyContact, idType: p.idType, version: p.version,
    phone: reveal && p.phoneEnc ? cipher.decrypt(p.phoneEnc) : p.phoneMasked,
    idNo: reveal && p.idNoEnc ? cipher.decrypt(p.idNoEnc) : p.idNoMasked,
    masked: !reveal,
  };
}

/** Persons a project-scoped actor may see: those related to rooms of its projects, or not yet related to any. */
function visibility(actor: Actor): SQL {
  if (actor.projectIds === 'all') return sql`true`;
  return sql`(not exists (select 1 from room_residents rr where rr.company_id = ${persons.companyId} and rr.person_id = ${persons.id})
           or exists (select 1 from room_residents rr where rr.company_id = ${persons.companyId} and rr.person_id = ${persons.id}
                        and rr.project_id = any(${sql.param(actor.projectIds)}::uuid[])))`;
}

export async function list(ctx: AppContext, actor: Actor, q: { q?: string; phone?: string; idNo?: string; page: number; pageSize: number }) {
  const db = ctx.database.db;
  const cipher = cipherOf(ctx);
  const conds: SQL[] = [eq(persons.companyId, requireCompany(actor)), visibility(actor)];
  if (q.q) conds.push(sql`${persons.name} like ${`${likeEscape(q.q)}%`}`);
  if (q.phone) conds.push(eq(persons.phoneBidx, cipher.blindIndex(q.phone)));
  if (q.idNo) conds.push(eq(persons.idNoBidx, cipher.blindIndex(q.idNo)));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select().from(persons).where(where).orderBy(asc(persons.name), asc(persons.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(persons).where(where),
  ]);
  return { items: rows.map((p) => personView(cipher, p, false)), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function loadVisible(db: Executor, actor: Actor, id: string) {
  const [p] = await db.select().from(persons).where(and(eq(persons.companyId, requireCompany(actor)), eq(persons.id, id), visibility(actor)));
  if (!p) throw notFound('人员');
  return p;
}

export async function get(ctx: AppContext, actor: Actor, id: string, reveal: boolean) {
  const db = ctx.database.db;
  const p = await loadVisible(db, actor, id);
  if (reveal && !actor.permissions.has('pii.view')) throw forbidden('没有查看完整个人信息的权限');
  if (reveal) {
    await db.transaction((tx) => record(tx, actor, 'person.revealed', { type: 'person', id }, null, { fields: ['phone', 'idNo'] }));
  }
  return personView(cipherOf(ctx), p, reveal);
}

export async function create(ctx: AppContext, actor: Actor, input: z.output<typeof ZPersonCreate>) {
  const companyId = requireCompany(actor);
  const cipher = cipherOf(ctx);
  const idNoBidx = input.idNo ? cipher.blindIndex(input.idNo) : null;
  return ctx.database.db.transaction(async (tx) => {
    if (idNoBidx) {
      const [dup] = await tx.select({ id: persons.id }).from(persons).where(and(eq(persons.companyId, companyId), eq(persons.idNoBidx, idNoBidx)));
      if (dup) throw duplicate('该证件号码已登记', [{ path: 'body.idNo', message: 'duplicate' }]);
    }
    const [p] = await tx.insert(persons).values({
      companyId, name: input.name, gender: input.gender, birthday: input.birthday ?? null, emergencyContact: input.emergencyContact ?? null,
      phoneEnc: input.phone ? cipher.encrypt(input.phone) : null, phoneBidx: input.phone ? cipher.blindIndex(input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      idType: input.idType ?? null, idNoEnc: input.idNo ? cipher.encrypt(input.idNo) : null, idNoBidx, idNoMasked: input.idNo ? maskIdNumber(input.idNo) : null,
    }).returning();
    await record(tx, actor, 'person.created', { type: 'person', id: p!.id }, null, personView(cipher, p!, false));
    return personView(cipher, p!, false);
  });
}
