import { reminderRules } from '../src/modules/payments/payments.table.ts';
import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments slice "reminders" (催缴, issue 8): a reminder rule in
 * each target's project; its result is `w.payments.reminders`. Fixtures and bodies are spread into
 * world.ts. Room ids come from the world's rooms (`w.rooms[target].roomId`).
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };

const projectOf = (w: any, t: Target): string => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA);
const companyOf = (w: any, t: Target): string => (t === 'otherCompany' ? w.theirs.companyId : w.ours.companyId);

export async function create(t: TestApp, w: any): Promise<Record<string, unknown>> {
  const out: Record<string, { ruleId: string }> = {};
  for (const target of ['own', 'otherProject', 'otherCompany'] as const) {
    const [r] = await t.ctx.database.db.insert(reminderRules).values({
      companyId: companyOf(w, target), projectId: projectOf(w, target), name: '矩阵催缴', daysOverdue: 30, minAmountFen: 0, repeatDays: 7, channels: ['inapp'],
    }).returning();
    out[target] = { ruleId: r!.id };
  }
  return out;
}

const rule = (w: any, t: Target) => w.payments.reminders[t].ruleId as string;
export const fixtures: Record<string, Fixture> = {
  '/api/payments/reminder-rules/:id': { id: rule },
  '/api/rooms/:id/reminders': { id: (w, t) => w.rooms[t].roomId },
};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/payments/reminder-rules': (w, t) => ({ projectId: projectOf(w, t), name: '矩阵规则', daysOverdue: 30, minAmountFen: 0, repeatDays: 7, channels: ['inapp'] }),
  'PUT /api/payments/reminder-rules/:id': () => ({ name: '矩阵规则', daysOverdue: 30, minAmountFen: 0, repeatDays: 7, channels: ['inapp'], enabled: true, version: 1 }),
  'POST /api/payments/reminders/preview': (w, t) => ({ projectId: projectOf(w, t), channels: ['inapp'] }),
  'POST /api/payments/reminders/batch': (w, t) => ({ projectId: projectOf(w, t), channels: ['inapp'] }),
};
