import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ruleView, type ZStandardCreate, type ZStandardQuery, type ZStandardVersionCreate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, duplicate, forbidden, notFound, staleVersion } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { businessNow, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { chargeStandards, chargeStandardVersions, feeItems } from './billing.table.ts';
import { getFeeItem } from './fee-items.service.ts';
import { ruleColumns, ruleOf } from './rule-columns.ts';
import { getBillingSettings } from './settings.service.ts';

type Standard = typeof chargeStandards.$inferSelect;
type Version = typeof chargeStandardVersions.$inferSelect;

const versionView = (s: Pick<Standard, 'kind'>, v: Version) => ({
  id: v.id, seq: v.seq, rule: ruleView(ruleOf(s.kind, v)), validFrom: v.validFrom, validTo: v.validTo, createdAt: v.createdAt.toISOString(),
});
const inForce = (v: Version, day: string) => v.validFrom <= day && (v.validTo === null || v.validTo >= day);
const today = () => businessNow().format('YYYY-MM-DD');

function standardView(s: Standard, feeItemName: string, versions: Version[]) {
  const current = versions.find((v) => inForce(v, today()));
  return {
    id: s.id, feeItemId: s.feeItemId, feeItemName, projectId: s.projectId, code: s.code, name: s.name, kind: s.kind, status: s.status,
    version: s.version, current: current ? versionView(s, current) : null,
  };
}

/**
 * Who may write a standard: company-wide ones are HQ's (company scope); a project's can also be
 * set by that project's staff when the company allows it (billing.projectStandards). Refusals are
 * 403: the actor holds billing.standard.manage but this company's policy withholds it here.
 */
async function assertMayWrite(db: Executor, actor: Actor, projectId: string | null) {
  const hq = actor.projectIds === 'all';
  if (projectId === null) {
    if (!hq) throw forbidden('公司级收费标准只能由总部设置');
    return;
  }
  await checkProject(db, actor, projectId);
  if (!hq && !(await getBillingSettings(db, requireCompany(actor))).projectStandards) {
    throw forbidden('本公司未允许项目自行设置收费标准（billing.projectStandards）');
  }
}

/** A standard of the actor's company: company-wide ones are visible to all, a project's only in scope. */
async function findStandard(db: Executor, actor: Actor, id: string, lock = false): Promise<Standard> {
  const q = db.select().from(chargeStandards).where(and(eq(chargeStandards.companyId, requireCompany(actor)), eq(chargeStandards.id, id)));
  const [s] = lock ? await q.for('update') : await q;
  if (!s || (s.projectId !== null && !canSeeProject(actor, s.projectId))) throw notFound('收费标准');
  return s;
}

const versionsOf = (db: Executor, s: Standard) => db.select().from(chargeStandardVersions)
  .where(and(eq(chargeStandardVersions.companyId, s.companyId), eq(chargeStandardVersions.standardId, s.id))).orderBy(asc(chargeStandardVersions.seq));

export async function listStandards(db: Executor, actor: Actor, q: z.output<typeof ZStandardQuery>) {
  const companyId = requireCompany(actor);
  // a project's list shows what applies there: its own standards and the company-wide ones
  const conds: SQL[] = [eq(chargeStandards.companyId, companyId), sql`(${chargeStandards.projectId} is null or ${projectScope(actor, chargeStandards.projectId, q.projectId)})`];
  if (q.feeItemId) conds.push(eq(chargeStandards.feeItemId, q.feeItemId));
  if (q.kind) conds.push(eq(chargeStandards.kind, q.kind));
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select({ s: chargeStandards, feeItemName: feeItems.name }).from(chargeStandards).innerJoin(feeItems, eq(feeItems.id, chargeStandards.feeItemId))
      .where(where).orderBy(asc(chargeStandards.code), asc(chargeStandards.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(chargeStandards).where(where),
  ]);
  const ids = rows.map((r) => r.s.id);
  const versions = ids.length ? await db.select().from(chargeStandardVersions).where(and(
    eq(chargeStandardVersions.companyId, companyId), sql`${chargeStandardVersions.standardId} = any(${sql.param(ids)}::uuid[])`,
    sql`${chargeStandardVersions.validFrom} <= ${today()}`, sql`(${chargeStandardVersions.validTo} is null or ${chargeStandardVersions.validTo} >= ${today()})`,
  )) : [];
  return {
    items: rows.map((r) => standardView(r.s, r.feeItemName, versions.filter((v) => v.standardId === r.s.id))),
    total: Number(n!.n), page: q.page, pageSize: q.pageSize,
  };
}

export async function getStandard(db: Executor, actor: Actor, id: string) {
  const s = await findStandard(db, actor, id);
  const [item, versions] = await Promise.all([getFeeItem(db, s.companyId, s.feeItemId), versionsOf(db, s)]);
  return { ...standardView(s, item.name, versions), versions: versions.map((v) => versionView(s, v)) };
}

export async function createStandard(db: Executor, actor: Actor, input: z.output<typeof ZStandardCreate>) {
  const companyId = requireCompany(actor);
  await assertMayWrite(db, actor, input.projectId);
  const item = await getFeeItem(db, companyId, input.feeItemId, 'body.feeItemId');
  if (item.status !== 'active') throw conflict('收费项目已归档，不能新增收费标准', [{ path: 'body.feeItemId', message: 'archived' }]);
  try {
    return await db.transaction(async (tx) => {
      const [s] = await tx.insert(chargeStandards).values({
        companyId, projectId: input.projectId, feeItemId: item.id, code: input.code, name: input.name, kind: input.rule.kind,
      }).returning();
      await tx.insert(chargeStandardVersions).values({
        companyId, standardId: s!.id, seq: 1, ...ruleColumns(input.rule), validFrom: input.validFrom, validTo: input.validTo, createdBy: actor.userId,
      });
      const out = await getStandard(tx, actor, s!.id);
      await record(tx, actor, 'billing.standard_created', { type: 'charge_standard', id: s!.id, projectId: s!.projectId }, null, out);
      return out;
    });
  } catch (e: any) {
    if ((e?.code ?? e?.cause?.code) === '23505') throw duplicate(`收费标准编码 ${input.code} 已存在`, [{ path: 'body.code', message: 'duplicate' }]);
    throw e;
  }
}

/**
 * Adds a version after the latest one. An open latest version is closed the day before the new one
 * starts; one that already ends on or after that day — or starts on or after it — overlaps: 409.
 * Earlier versions' prices are never touched (they may have been billed).
 */
export async function addVersion(db: Executor, actor: Actor, id: string, input: z.output<typeof ZStandardVersionCreate>) {
  return db.transaction(async (tx) => {
    const s = await findStandard(tx, actor, id, true);
    await assertMayWrite(tx, actor, s.projectId);
    if (s.version !== input.version) throw staleVersion();
    if (input.rule.kind !== s.kind) throw badRequest(`该标准的计费方式是 ${s.kind}，新版本不能改为 ${input.rule.kind}`, [{ path: 'body.rule.kind', message: 'kind_mismatch' }]);
    const [latest] = await tx.select().from(chargeStandardVersions)
      .where(and(eq(chargeStandardVersions.companyId, s.companyId), eq(chargeStandardVersions.standardId, s.id))).orderBy(desc(chargeStandardVersions.seq)).limit(1);
    if (latest && (input.validFrom <= latest.validFrom || (latest.validTo !== null && latest.validTo >= input.validFrom))) {
      throw conflict(`新版本的生效期与上一版本（${latest.validFrom} 至 ${latest.validTo ?? '长期'}）重叠`, [{ path: 'body.validFrom', message: 'overlaps_previous_version' }]);
    }
    if (latest && latest.validTo === null) {
      await tx.update(chargeStandardVersions).set({ validTo: dayjs(input.validFrom).subtract(1, 'day').format('YYYY-MM-DD') }).where(eq(chargeStandardVersions.id, latest.id));
    }
    const [v] = await tx.insert(chargeStandardVersions).values({
      companyId: s.companyId, standardId: s.id, seq: (latest?.seq ?? 0) + 1, ...ruleColumns(input.rule), validFrom: input.validFrom, validTo: input.validTo, createdBy: actor.userId,
    }).returning();
    await tx.update(chargeStandards).set({ version: sql`${chargeStandards.version} + 1` }).where(eq(chargeStandards.id, s.id));
    await record(tx, actor, 'billing.standard_versioned', { type: 'charge_standard', id: s.id, projectId: s.projectId },
      latest ? { seq: latest.seq, validFrom: latest.validFrom, validTo: latest.validTo } : null, versionView(s, v!));
    return getStandard(tx, actor, s.id);
  });
}

/** For assignments: the standard, readable by the actor, with its fee item. */
export const standardForAssignment = (db: Executor, actor: Actor, id: string) => findStandard(db, actor, id).catch((e) => {
  if (e?.status === 404) throw badRequest('收费标准不存在', [{ path: 'body.standardId', message: 'not_found' }]);
  throw e;
});
