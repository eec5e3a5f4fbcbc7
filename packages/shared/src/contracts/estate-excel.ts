import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';

export const importKindValues = ['rooms', 'residents', 'parking', 'vehicles'] as const;
export const importModeValues = ['all_or_nothing', 'valid_rows'] as const;
export const importStatusValues = ['queued', 'validating', 'importing', 'done', 'failed'] as const;

export const ZImportKindParam = z.object({ kind: z.enum(importKindValues) }).strict();
export const ZImportStart = z.object({
  projectId: ZId,
  kind: z.enum(importKindValues),
  /** all_or_nothing: any bad row stops the import; valid_rows: good rows are imported, bad ones reported */
  mode: z.enum(importModeValues).default('all_or_nothing'),
}).strict();

export const ZEstateImport = z.object({
  id: ZId, projectId: ZId, kind: z.enum(importKindValues), mode: z.enum(importModeValues), status: z.enum(importStatusValues),
  fileName: z.string(), totalRows: z.number().int(), processedRows: z.number().int(), importedRows: z.number().int(), errorRows: z.number().int(),
  summary: z.record(z.string(), z.number()).nullable(), message: z.string().nullable(),
  sourceFileId: ZId.nullable(), reportFileId: ZId.nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
});
export const ZImportQuery = ZPageQuery.extend({ projectId: ZId.optional(), kind: z.enum(importKindValues).optional() });

const roomStatuses = ['vacant', 'occupied', 'decorating', 'rented'] as const;
/** the list filters of each exportable list (same names as the list routes' query strings) */
/** projectId: one project (in scope, else 404); omitted: the switcher's project or every visible one, like the lists */
export const ZRoomExportQuery = z.object({
  projectId: ZId.optional(), buildingId: ZId.optional(), unitId: ZId.optional(), status: z.enum(roomStatuses).optional(),
  q: z.string().max(32).optional(), owner: z.string().trim().max(32).optional(), phone: z.string().regex(/^1[3-9]\d{9}$/, 'invalid_phone').optional(),
}).strict();
export const ZPlaceExportQuery = z.object({ projectId: ZId.optional(), q: z.string().max(32).optional() }).strict();
export const ZVehicleExportQuery = z.object({ projectId: ZId.optional(), plate: z.string().trim().max(10).optional() }).strict();
