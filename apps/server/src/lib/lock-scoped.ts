import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from './actor.ts';
import { notFound, staleVersion } from './errors.ts';

type ProjectScoped = PgTable & { id: AnyPgColumn; companyId: AnyPgColumn; projectId: AnyPgColumn };

/**
 * Locks a project-scoped row of the actor's company for the rest of the transaction. Missing or
 * outside the actor's projects reads as not found; with `version`, a stale one is a 409.
 */
export async function lockInScope<T extends ProjectScoped>(
  tx: Executor, table: T, actor: Actor, id: string, what: string, version?: number,
): Promise<T['$inferSelect']> {
  const [row] = await (tx.select().from(table as PgTable) as any)
    .where(and(eq(table.companyId, requireCompany(actor)), eq(table.id, id))).for('update');
  if (!row || !canSeeProject(actor, row.projectId)) throw notFound(what);
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}
