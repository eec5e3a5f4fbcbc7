import { and, eq } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { kbArticles, woCategories, workOrders } from '../src/modules/workorders/workorders.table.ts';
import type { Tenant } from './factories.ts';
import * as dispatch from './world-wo-dispatch.ts';
import * as qr from './world-wo-qr.ts';
import * as sla from './world-wo-sla.ts';

type Target = 'own' | 'otherProject' | 'otherCompany';
export interface WoWorldPart { orderId: string; categoryId: string | null; kbId: string | null }
interface W { ours: Tenant; theirs: Tenant; workOrders: Record<Target, WoWorldPart> }

/**
 * A submitted order per target, open in the grab pool so every staff role of its project sees it,
 * requested by that company's resident (in our project B: by its technician); a category and an FAQ entry per company.
 */
export async function createWoWorld(db: Database['db'], ours: Tenant, theirs: Tenant, rooms: Record<Target, { roomId: string; buildingId: string }>) {
  const cat = async (tenant: Tenant) => (await db.select().from(woCategories).where(and(eq(woCategories.companyId, tenant.companyId), eq(woCategories.code, 'plumbing'))))[0]!.id;
  const kb = async (tenant: Tenant, categoryId: string) => (await db.insert(kbArticles).values({ companyId: tenant.companyId, categoryId, question: '水管漏水怎么办', answer: '先关总阀' }).returning())[0]!.id;
  const order = async (tenant: Tenant, projectId: string, target: Target, categoryId: string) => (await db.insert(workOrders).values({
    companyId: tenant.companyId, projectId, no: `WOM-${target}-${Math.random().toString(36).slice(2, 8)}`, type: 'repair', source: 'resident', categoryId, priority: 'normal',
    description: '矩阵报修', area: 'private', roomId: rooms[target].roomId, buildingId: rooms[target].buildingId, requesterUserId: target === 'otherProject' ? tenant.staffB.userId : tenant.users.resident!.userId,
    requesterName: '矩阵报事人', inPool: true,
  }).returning())[0]!.id;
  const oursCat = await cat(ours);
  const theirsCat = await cat(theirs);
  const oursKb = await kb(ours, oursCat);
  const theirsKb = await kb(theirs, theirsCat);
  return {
    own: { orderId: await order(ours, ours.projectA, 'own', oursCat), categoryId: oursCat, kbId: oursKb },
    otherProject: { orderId: await order(ours, ours.projectB, 'otherProject', oursCat), categoryId: null, kbId: null },
    otherCompany: { orderId: await order(theirs, theirs.projectA, 'otherCompany', theirsCat), categoryId: theirsCat, kbId: theirsKb },
  } satisfies Record<Target, WoWorldPart>;
}

type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };
const projectOf = (w: W, t: Target) => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA);
const order = (w: W, t: Target) => w.workOrders[t].orderId;

export const woFixtures: Record<string, Fixture> = {
  '/api/work-orders/:id': { id: order },
  '/api/work-orders/:id/events': { id: order, body: () => ({ event: 'grab', version: 1 }) },
  '/api/work-orders/:id/candidates': { id: order },
  '/api/me/work-orders/:id': { id: order },
  '/api/me/work-orders/:id/events': { id: order, body: () => ({ event: 'cancel', version: 1, note: '矩阵取消' }) },
  '/api/work-orders/categories/:id': { id: (w: W, t) => w.workOrders[t].categoryId },
  '/api/work-orders/kb/:id': { id: (w: W, t) => w.workOrders[t].kbId },
  '/api/work-orders/projects/:id/settings': { id: projectOf },
  '/api/saved-views/:id': { id: () => null },
  ...sla.fixtures, ...dispatch.fixtures, ...qr.fixtures,
};

const sla2 = { urgent: { responseMinutes: 30, completeMinutes: 240 }, high: { responseMinutes: 60, completeMinutes: 480 }, normal: { responseMinutes: 120, completeMinutes: 1440 }, low: { responseMinutes: 240, completeMinutes: 4320 } };
const rnd = () => Math.random().toString(36).slice(2, 8);
export const woBodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/work-orders': (w: W, t) => ({ projectId: projectOf(w, t), source: 'desk', type: 'inquiry', description: '矩阵咨询', area: 'public', locationText: '大堂' }),
  'POST /api/me/work-orders': (w: W, t) => ({ projectId: projectOf(w, t), type: 'suggestion', description: '矩阵建议', area: 'public', locationText: '小区花园' }),
  'POST /api/work-orders/categories': (_w, t) => (t === 'own' ? { code: `m_${rnd()}`, name: '矩阵类别', defaultPriority: 'normal', sla: sla2, clock: 'calendar', skill: null, chargeable: false, feeItemId: null, sort: 1 } : null),
  'PUT /api/work-orders/categories/:id': () => ({ version: 1, name: '矩阵类别', defaultPriority: 'normal', sla: sla2, clock: 'calendar', skill: null, chargeable: false, feeItemId: null, sort: 1, status: 'active' }),
  'PUT /api/work-orders/projects/:id/settings': () => ({
    dispatchMode: 'suggest', reopenDays: 7, autoCloseDays: 7, revisitSamplePercent: 20, workdayStart: '09:00', workdayEnd: '18:00', warnBeforeMinutes: 30, hqEscalateAfterMinutes: 1440, version: 0,
  }),
  'POST /api/work-orders/kb': (_w, t) => (t === 'own' ? { categoryId: null, question: '矩阵问题', answer: '矩阵回答', status: 'published', sort: 1 } : null),
  'PUT /api/work-orders/kb/:id': () => ({ version: 1, categoryId: null, question: '矩阵问题', answer: '矩阵回答', status: 'published', sort: 1 }),
  'POST /api/saved-views': () => ({ page: 'workorders', name: '矩阵视图', filters: { status: ['submitted'] } }),
  ...sla.bodies, ...dispatch.bodies, ...qr.bodies,
};
