import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZKbArticleCreate, ZKbArticleUpdate, ZKbQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound, staleVersion } from '../../lib/errors.ts';
import { likeEscape } from '../../lib/like.ts';
import { record } from '../audit/audit.service.ts';
import { kbArticles, woCategories } from './workorders.table.ts';

type Row = { a: typeof kbArticles.$inferSelect; categoryName: string | null };
const view = ({ a, categoryName }: Row) => ({
  id: a.id, categoryId: a.categoryId, categoryName, question: a.question, answer: a.answer, status: a.status, sort: a.sort, version: a.version,
});

/** 常见问题: residents see published answers (before they submit); staff with config rights see drafts too. */
export async function listArticles(db: Executor, actor: Actor, q: z.output<typeof ZKbQuery>, opts: { publishedOnly: boolean }) {
  const companyId = requireCompany(actor);
  const like = q.q ? `%${likeEscape(q.q)}%` : null;
  const rows = await db.select({ a: kbArticles, categoryName: woCategories.name }).from(kbArticles)
    .leftJoin(woCategories, eq(woCategories.id, kbArticles.categoryId))
    .where(and(
      eq(kbArticles.companyId, companyId),
      q.categoryId ? eq(kbArticles.categoryId, q.categoryId) : undefined,
      opts.publishedOnly ? eq(kbArticles.status, 'published') : undefined,
      like ? sql`(${kbArticles.question} ilike ${like} or ${kbArticles.answer} ilike ${like})` : undefined,
    ))
    .orderBy(asc(kbArticles.sort), asc(kbArticles.createdAt)).limit(200);
  return rows.map(view);
}

async function checkCategory(db: Executor, companyId: string, categoryId: string | null) {
  if (!categoryId) return;
  const [c] = await db.select({ id: woCategories.id }).from(woCategories).where(and(eq(woCategories.companyId, companyId), eq(woCategories.id, categoryId)));
  if (!c) throw badRequest('类别不存在', [{ path: 'body.categoryId', message: 'unknown_category' }]);
}

async function byId(db: Executor, companyId: string, id: string) {
  const [r] = await db.select({ a: kbArticles, categoryName: woCategories.name }).from(kbArticles)
    .leftJoin(woCategories, eq(woCategories.id, kbArticles.categoryId)).where(and(eq(kbArticles.companyId, companyId), eq(kbArticles.id, id)));
  return r ? view(r) : null;
}

export function createArticle(db: AppDb, actor: Actor, input: z.output<typeof ZKbArticleCreate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    await checkCategory(tx, companyId, input.categoryId);
    const [a] = await tx.insert(kbArticles).values({ companyId, ...input }).returning();
    const v = (await byId(tx, companyId, a!.id))!;
    await record(tx, actor, 'workorder.kb_created', { type: 'kb_article', id: a!.id }, null, v);
    return v;
  });
}

export function updateArticle(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZKbArticleUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await byId(tx, companyId, id);
    if (!before) throw notFound('常见问题');
    if (before.version !== input.version) throw staleVersion();
    await checkCategory(tx, companyId, input.categoryId);
    const { version: _v, ...value } = input;
    const [u] = await tx.update(kbArticles).set({ ...value, version: sql`${kbArticles.version} + 1` })
      .where(and(eq(kbArticles.companyId, companyId), eq(kbArticles.id, id), eq(kbArticles.version, input.version))).returning();
    if (!u) throw staleVersion();
    const after = (await byId(tx, companyId, id))!;
    await record(tx, actor, 'workorder.kb_updated', { type: 'kb_article', id }, before, after);
    return after;
  });
}

export function deleteArticle(db: AppDb, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await byId(tx, companyId, id);
    if (!before) throw notFound('常见问题');
    await tx.delete(kbArticles).where(and(eq(kbArticles.companyId, companyId), eq(kbArticles.id, id)));
    await record(tx, actor, 'workorder.kb_deleted', { type: 'kb_article', id }, before, null);
    return { ok: true as const };
  });
}
