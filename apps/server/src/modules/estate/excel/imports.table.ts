import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

export const estateImportKinds = ['rooms', 'residents', 'parking', 'vehicles'] as const;
/** every kind this machinery imports: the archive's lists and billing's 期初余额 (plain text column: a new kind needs no migration) */
export const importKinds = [...estateImportKinds, 'opening_balances'] as const;
export const importModes = ['all_or_nothing', 'valid_rows'] as const;
export const importStatuses = ['queued', 'validating', 'importing', 'done', 'failed'] as const;

/**
 * One Excel import: the uploaded sheet (a file owned by this record), its progress, and the
 * annotated error report once rows failed. Worked by the `estate-import` job.
 */
export const estateImports = pgTable('estate_imports', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  kind: text('kind', { enum: importKinds }).notNull(),
  mode: text('mode', { enum: importModes }).notNull(),
  status: text('status', { enum: importStatuses }).notNull().default('queued'),
  fileName: text('file_name').notNull(),
  sourceFileId: uuid('source_file_id'),
  reportFileId: uuid('report_file_id'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  importedRows: integer('imported_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  /** what was created, e.g. { rooms: 1200, persons: 1180, buildings: 3 } */
  summary: jsonb('summary').$type<Record<string, number>>(),
  /** a failure of the whole import (not a row's): shown as is */
  message: text('message'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('estate_imports_project_idx').on(t.companyId, t.projectId, t.createdAt)]);
