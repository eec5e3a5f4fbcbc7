import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZProjectBillingSettingsUpdate } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { staleVersion } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { projectBillingSettings } from './runs.table.ts';

export interface ProjectBillingSettings {
  projectId: string;
  dueOffsetDays: number;
  settleOrder: 'principal_first' | 'late_fee_first';
  autoDeductPrepaid: boolean;
  lateFeesEnabled: boolean;
  /** 0 = never saved: the defaults */
  version: number;
  updatedAt: string | null;
}

const defaults = { dueOffsetDays: 14, settleOrder: 'principal_first', autoDeductPrepaid: false, lateFeesEnabled: true } as const;

/** A project's billing settings, the defaults (version 0) until first saved. No scope check: for other slices' services. */
export async function getProjectBillingSettings(db: Executor, companyId: string, projectId: string): Promise<ProjectBillingSettings> {
  const [row] = await db.select().from(projectBillingSettings)
    .where(and(eq(projectBillingSettings.companyId, companyId), eq(projectBillingSettings.projectId, projectId)));
  if (!row) return { projectId, ...defaults, version: 0, updatedAt: null };
  return {
    projectId, dueOffsetDays: row.dueOffsetDays, settleOrder: row.settleOrder, autoDeductPrepaid: row.autoDeductPrepaid,
    lateFeesEnabled: row.lateFeesEnabled, version: row.version, updatedAt: iso(row.updatedAt),
  };
}

export async function readProjectBillingSettings(db: Executor, actor: Actor, projectId: string) {
  await checkProject(db, actor, projectId);
  return getProjectBillingSettings(db, requireCompany(actor), projectId);
}

/** Saved with the version read (0 = create); a per-project advisory lock orders concurrent first saves. */
export async function updateProjectBillingSettings(db: AppDb, actor: Actor, projectId: string, input: z.output<typeof ZProjectBillingSettingsUpdate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, projectId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`project_billing_settings:${projectId}`}))`);
    const before = await getProjectBillingSettings(tx, companyId, projectId);
    if (before.version !== input.version) throw staleVersion();
    const value = { dueOffsetDays: input.dueOffsetDays, settleOrder: input.settleOrder, autoDeductPrepaid: input.autoDeductPrepaid, lateFeesEnabled: input.lateFeesEnabled };
    if (before.version === 0) await tx.insert(projectBillingSettings).values({ companyId, projectId, ...value, updatedBy: actor.userId });
    else {
      await tx.update(projectBillingSettings).set({ ...value, version: sql`${projectBillingSettings.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() })
        .where(and(eq(projectBillingSettings.companyId, companyId), eq(projectBillingSettings.projectId, projectId)));
    }
    const after = await getProjectBillingSettings(tx, companyId, projectId);
    const { version: _v, updatedAt: _u, ...was } = before;
    await record(tx, actor, 'billing.project_settings_updated', { type: 'project', id: projectId, projectId }, was, { projectId, ...value });
    return after;
  });
}
