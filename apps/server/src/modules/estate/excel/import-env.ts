import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { PiiCipher } from '../../../lib/pii-crypto.ts';
import type { RowErrors } from './row-parse.ts';
import type { SheetRow } from './workbook.ts';

/** What a kind's importer gets: the project it imports into and the parsed sheet. */
export interface ImportEnv {
  db: Executor;
  cipher: PiiCipher;
  companyId: string;
  projectId: string;
  roomCodePattern: string;
  /** Asia/Shanghai business date */
  today: string;
  /** who uploaded it (the rows it writes name them) */
  userId: string | null;
  /** the first (for most kinds the only) sheet's header keys and rows */
  keys: (string | null)[];
  rows: SheetRow[];
  /** every data sheet of the kind, in its spec order; a sheet missing from the upload has no rows */
  sheets: { keys: (string | null)[]; rows: SheetRow[] }[];
}

/**
 * A validated import: its row errors (one collection per sheet of a multi-sheet kind) and how to
 * write the good rows (set-based, inside the caller's transaction).
 */
export interface ImportPlan {
  errors: RowErrors | RowErrors[];
  write(tx: Executor, progress: (rows: number) => Promise<void>): Promise<Record<string, number>>;
}

/** code → id of a project's rooms (or parking spaces), to resolve references in one query */
export async function codeMap(db: Executor, table: 'rooms' | 'parking_spaces', companyId: string, projectId: string) {
  const res: any = await db.execute(sql`select id, code from ${sql.raw(table)} where company_id = ${companyId} and project_id = ${projectId}`);
  return new Map<string, string>(res.rows.map((r: any) => [r.code, r.id]));
}

/** A refusal of the whole import found while writing (e.g. a closed ledger month): its message is shown to the user as is. */
export class ImportAbort extends Error {}
