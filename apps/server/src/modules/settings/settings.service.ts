import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { appSettings } from './settings.table.ts';

/**
 * Reads a setting, creating it on first use. Instances racing to create it agree on whichever
 * insert won (`on conflict do nothing`, then read back).
 */
export async function getOrCreateSetting<T>(db: Executor, key: string, create: () => T): Promise<T> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  if (row) return row.value as T;
  await db.insert(appSettings).values({ key, value: create() as any }).onConflictDoNothing();
  const [again] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return again!.value as T;
}
