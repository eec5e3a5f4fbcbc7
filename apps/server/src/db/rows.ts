// db.execute(sql`…`) answers `{ rows }` on node-postgres and PGlite, but some callers pass an already
// unwrapped array; one helper so raw-SQL readers don't each re-guess the driver's result shape.
export function rowsOf<T = any>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows);
}
