import { inArray, sql, type SQL, type Column } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { listProjects } from './actor.ts';

/** Row-scope condition for a project column: true for HQ-wide reads, else the visible projects. */
export function projectScope(actor: Actor, column: Column, requested?: string): SQL {
  const ids = listProjects(actor, requested);
  if (ids === 'all') return sql`true`;
  if (ids.length === 0) return sql`false`;
  return inArray(column, ids);
}
