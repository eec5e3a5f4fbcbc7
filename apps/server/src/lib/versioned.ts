import { notFound, staleVersion } from './errors.ts';

/**
 * Optimistic locking: an update runs `... where id = ? and version = ?` and bumps the version.
 * No row back means either the record is gone / out of scope (404) or someone saved first (409).
 */
export async function checkVersioned<T>(updated: T[], exists: () => Promise<boolean>, what: string): Promise<T> {
  if (updated[0]) return updated[0];
  if (await exists()) throw staleVersion();
  throw notFound(what);
}
