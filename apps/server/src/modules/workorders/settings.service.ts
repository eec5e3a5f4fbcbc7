import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZWoProjectSettings, ZWoProjectSettingsUpdate } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { staleVersion } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { woProjectSettings } from './workorders.table.ts';

export type WoSettings = z.output<typeof ZWoProjectSettings>;
/** until a project saves its own (the SLA and auto-close jobs read the same values in SQL) */
export const woSettingsDefaults = {
  dispatchMode: 'suggest', reopenDays: 7, autoCloseDays: 7, revisitSamplePercent: 20, workdayStart: '09:00', workdayEnd: '18:00',
  warnBeforeMinutes: 30, hqEscalateAfterMinutes: 24 * 60,
} as const;

/** A project's work-order settings; defaults (version 0) until first saved. */
export async function getWoSettings(db: Executor, companyId: string, projectId: string): Promise<WoSettings> {
  const [row] = await db.select().from(woProjectSettings).where(and(eq(woProjectSettings.companyId, companyId), eq(woProjectSettings.projectId, projectId)));
  if (!row) return { projectId, ...woSettingsDefaults, version: 0 };
  const { companyId: _c, ...rest } = row;
  return rest;
}

export async function readWoSettings(db: Executor, actor: Actor, projectId: string) {
  await checkProject(db, actor, projectId);
  return getWoSettings(db, requireCompany(actor), projectId);
}

export async function updateWoSettings(db: AppDb, actor: Actor, projectId: string, input: z.output<typeof ZWoProjectSettingsUpdate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, projectId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`wo_project_settings:${projectId}`}))`);
    const before = await getWoSettings(tx, companyId, projectId);
    if (before.version !== input.version) throw staleVersion();
    const { version: _v, ...value } = input;
    if (before.version === 0) await tx.insert(woProjectSettings).values({ companyId, projectId, ...value });
    else {
      await tx.update(woProjectSettings).set({ ...value, version: sql`${woProjectSettings.version} + 1` })
        .where(and(eq(woProjectSettings.companyId, companyId), eq(woProjectSettings.projectId, projectId)));
    }
    const after = await getWoSettings(tx, companyId, projectId);
    await record(tx, actor, 'workorder.settings_updated', { type: 'project', id: projectId, projectId }, before, after);
    return after;
  });
}
