import type { AuditAction, Permission } from '@wuye/shared';
import { openingImportKind } from '../../billing/opening-import.plan.ts';
import type { ImportEnv, ImportPlan } from './import-env.ts';
import { planParking, planVehicles } from './import-places.ts';
import { planResidents } from './import-residents.ts';
import { planRooms } from './import-rooms.ts';
import { sheetSpecs, type ImportKind, type SheetSpec } from './sheet-spec.ts';

/**
 * What the import machinery needs to know about a kind: its data sheets, how to validate and
 * write them, who may see the import (its progress and files), and what the audit log calls it.
 * Another module's kind (billing's 期初余额) is listed here like the archive's own.
 */
export interface ImportKindDef {
  sheets: readonly SheetSpec[];
  /** extra lines for the template's 填写说明 */
  notes?: readonly string[];
  plan(env: ImportEnv): Promise<ImportPlan>;
  permission: Permission;
  audit: { started: AuditAction; done: AuditAction; failed: AuditAction };
}

const estate = (spec: SheetSpec, plan: ImportKindDef['plan']): ImportKindDef => ({
  sheets: [spec], plan, permission: 'estate.manage',
  audit: { started: 'estate.import_started', done: 'estate.imported', failed: 'estate.import_failed' },
});

export const importKindDefs: Record<ImportKind, ImportKindDef> = {
  rooms: estate(sheetSpecs.rooms, planRooms),
  residents: estate(sheetSpecs.residents, planResidents),
  parking: estate(sheetSpecs.parking, planParking),
  vehicles: estate(sheetSpecs.vehicles, planVehicles),
  opening_balances: openingImportKind,
};
