import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZBillingSettingsUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { staleVersion } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { companySettings } from '../settings/company-settings.table.ts';

const KEY = 'billing';
export interface BillingSettings { projectStandards: boolean }
const defaults: BillingSettings = { projectStandards: false };

/** The company's billing settings (defaults until first saved, version 0). */
export async function getBillingSettings(db: Executor, companyId: string): Promise<BillingSettings & { version: number }> {
  const [row] = await db.select().from(companySettings).where(and(eq(companySettings.companyId, companyId), eq(companySettings.key, KEY)));
  return { ...defaults, ...(row?.value as Partial<BillingSettings> | undefined), version: row?.version ?? 0 };
}

export async function updateBillingSettings(db: Executor, actor: Actor, input: z.output<typeof ZBillingSettingsUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`company_settings:${companyId}:${KEY}`}))`);
    const before = await getBillingSettings(tx, companyId);
    if (before.version !== input.version) throw staleVersion();
    const value: BillingSettings = { projectStandards: input.projectStandards };
    if (before.version === 0) await tx.insert(companySettings).values({ companyId, key: KEY, value, updatedBy: actor.userId });
    else {
      await tx.update(companySettings).set({ value, version: sql`${companySettings.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() })
        .where(and(eq(companySettings.companyId, companyId), eq(companySettings.key, KEY)));
    }
    await record(tx, actor, 'billing.settings_updated', { type: 'company_settings', id: companyId }, { projectStandards: before.projectStandards }, value);
    return { ...value, version: before.version + 1 };
  });
}
