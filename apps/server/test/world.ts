import { billRuns } from '../src/modules/billing/runs.table.ts';
import { randomBytes } from 'node:crypto';
import { apiKeys } from '../src/modules/integrations/apikeys.table.ts';
import { hmac } from '../src/lib/tokens.ts';
import { buildings, facilities, parkingSpaces, rooms, roomStatusHistory } from '../src/modules/estate/estate.table.ts';
import { persons, roomResidents, vehicles } from '../src/modules/estate/residents.table.ts';
import { roomBindings } from '../src/modules/estate/bindings.table.ts';
import { estateImports } from '../src/modules/estate/excel/imports.table.ts';
import { residentRooms } from '../src/modules/org/org.table.ts';
import { chargeAssignments, chargeStandards, chargeStandardVersions, feeItems } from '../src/modules/billing/billing.table.ts';
import { bills, ledgerEntries } from '../src/modules/billing/ledger.table.ts';
import { waivers } from '../src/modules/billing/waivers.table.ts';
import { deliveries, notificationTemplates, notifications } from '../src/modules/notifications/notifications.table.ts';
import { createTenant, type Tenant } from './factories.ts';
import { createWoWorld, woBodies, woFixtures, type WoWorldPart } from './world-workorders.ts';
import { createWoDispatchWorld } from './world-wo-dispatch.ts';
import * as payCore from './world-pay-core.ts';
import * as payRefunds from './world-pay-refunds.ts';
import * as payFinance from './world-pay-finance.ts';
import * as paySandbox from './world-pay-sandbox.ts';
import * as payInvoices from './world-pay-invoices.ts';
import * as payReminders from './world-pay-reminders.ts';
import type { TestApp } from './harness.ts';

/** Two companies with every role: "ours" and "theirs", plus resources in each scope. */
export interface World {
  ours: Tenant;
  theirs: Tenant;
  apiKey: { ours: string; oursSecret: string; theirs: string };
  theirTemplate: string;
  /** a 期初余额 import (kind opening_balances) in each room's project */
  openingImports: Record<'own' | 'otherProject' | 'otherCompany', string>;
  /** a building with one room in our project A, our project B and their project A */
  rooms: Record<'own' | 'otherProject' | 'otherCompany', { buildingId: string; roomId: string; parkingId: string; facilityId: string; personId: string; bindingId: string; vehicleId: string; importId: string }>;
  /** a fee item per company; a charge standard of each room's project, assigned to that room */
  billing: { feeItem: { ours: string; theirs: string } } & Record<'own' | 'otherProject' | 'otherCompany', { standardId: string; assignmentId: string }>;
  /** dead deliveries addressed to another project of ours and to the other company */
  deliveries: { otherProject: string; otherCompany: string };
  /** a live bill (with its charge entry) of each room and a waiver requested on it by the project's cashier */
  accounts: Record<'own' | 'otherProject' | 'otherCompany', { billId: string; waiverId: string; runId: string }>;
  /** a work order (in the grab pool), a category and an FAQ entry per target (world-workorders.ts) */
  workOrders: Record<'own' | 'otherProject' | 'otherCompany', WoWorldPart>;
  /** a shift per target (world-wo-dispatch.ts) */
  woDispatch: Awaited<ReturnType<typeof createWoDispatchWorld>>;
  /** the payments slices' parts (world-pay-*.ts), each created once the rest exists */
  payments: Record<'core' | 'refunds' | 'finance' | 'sandbox' | 'invoices' | 'reminders', Record<string, any>>;
}

export async function createWorld(t: TestApp): Promise<World> {
  const ours = await createTenant(t);
  const theirs = await createTenant(t);
  const mkKey = async (tenant: Tenant) => {
    const prefix = randomBytes(5).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    const [k] = await t.ctx.database.db.insert(apiKeys).values({
      companyId: tenant.companyId, name: 'matrix', prefix, secretHash: hmac(t.ctx.secrets.derive('api-key'), secret),
      permissions: ['org.project.read', 'org.user.read', 'org.role.read', 'audit.read', 'estate.read', 'billing.read'], projectIds: null,
    }).returning();
    return { id: k!.id, secret: `wy_${prefix}_${secret}` };
  };
  const a = await mkKey(ours);
  const b = await mkKey(theirs);
  const db = t.ctx.database.db;
  const [tpl] = await db.insert(notificationTemplates).values({ companyId: theirs.companyId, event: 'system.broadcast', channel: 'inapp', locale: 'zh-CN', title: 't', body: 'b' }).returning();
  const deadDelivery = async (tenant: Tenant, projectId: string, userId: string) => {
    const [n] = await db.insert(notifications).values({ companyId: tenant.companyId, projectId, userId, event: 'system.broadcast', title: 't', body: 'b' }).returning();
    const [d] = await db.insert(deliveries).values({ companyId: tenant.companyId, notificationId: n!.id, channel: 'sms', address: '13800000000', status: 'dead' }).returning();
    return d!.id;
  };
  const mkRoom = async (tenant: Tenant, projectId: string) => {
    const [b] = await db.insert(buildings).values({ companyId: tenant.companyId, projectId, code: 'W', name: 'W栋' }).returning();
    const [r] = await db.insert(rooms).values({ companyId: tenant.companyId, projectId, buildingId: b!.id, floor: 1, number: 1, code: `W-${rnd()}`, buildingArea: 8000 }).returning();
    await db.insert(roomStatusHistory).values({ companyId: tenant.companyId, roomId: r!.id, status: 'vacant', validFrom: '2026-01-01' });
    const [p] = await db.insert(parkingSpaces).values({ companyId: tenant.companyId, projectId, code: `P-${rnd()}`, type: 'owned' }).returning();
    const [f] = await db.insert(facilities).values({ companyId: tenant.companyId, projectId, name: '会所', category: 'clubhouse' }).returning();
    const [person] = await db.insert(persons).values({ companyId: tenant.companyId, name: '矩阵业主', phoneMasked: '138****0000' }).returning();
    await db.insert(roomResidents).values({ companyId: tenant.companyId, projectId, roomId: r!.id, personId: person!.id, relation: 'owner', shareBp: 10000, validFrom: '2026-01-01' });
    const [binding] = await db.insert(roomBindings).values({ companyId: tenant.companyId, projectId, roomId: r!.id, userId: tenant.users.resident!.userId, name: '申请人', relation: 'tenant' }).returning();
    const [vehicle] = await db.insert(vehicles).values({ companyId: tenant.companyId, projectId, plate: `京A${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}` }).returning();
    const [imp] = await db.insert(estateImports).values({ companyId: tenant.companyId, projectId, kind: 'rooms', mode: 'all_or_nothing', fileName: 'matrix.xlsx' }).returning();
    return { buildingId: b!.id, roomId: r!.id, parkingId: p!.id, facilityId: f!.id, personId: person!.id, bindingId: binding!.id, vehicleId: vehicle!.id, importId: imp!.id };
  };
  const worldRooms = { own: await mkRoom(ours, ours.projectA), otherProject: await mkRoom(ours, ours.projectB), otherCompany: await mkRoom(theirs, theirs.projectA) };
  const mkOpening = async (tenant: Tenant, projectId: string) => (await db.insert(estateImports).values({
    companyId: tenant.companyId, projectId, kind: 'opening_balances', mode: 'all_or_nothing', fileName: 'opening.xlsx' }).returning())[0]!.id;
  const openingImports = { own: await mkOpening(ours, ours.projectA), otherProject: await mkOpening(ours, ours.projectB), otherCompany: await mkOpening(theirs, theirs.projectA) };
  // our resident lives in the "own" room: their own-rooms scope has something in it
  await db.insert(residentRooms).values({
    companyId: ours.companyId, projectId: ours.projectA, membershipId: ours.users.resident!.membershipId!, roomId: worldRooms.own.roomId, relation: 'owner', status: 'active',
  });
  const mkFeeItem = async (tenant: Tenant) => (await db.insert(feeItems).values({
    companyId: tenant.companyId, code: `WYF${rnd()}`, name: '物业费', category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务',
  }).returning())[0]!.id;
  const feeItem = { ours: await mkFeeItem(ours), theirs: await mkFeeItem(theirs) };
  const mkStandard = async (tenant: Tenant, feeItemId: string, projectId: string, roomId: string) => {
    const [s] = await db.insert(chargeStandards).values({ companyId: tenant.companyId, projectId, feeItemId, code: `S${rnd()}`, name: '物业费标准', kind: 'area' }).returning();
    await db.insert(chargeStandardVersions).values({ companyId: tenant.companyId, standardId: s!.id, seq: 1, basis: 'building_area', unitPrice: 25000, validFrom: '2026-01-01' });
    const [a] = await db.insert(chargeAssignments).values({ companyId: tenant.companyId, projectId, standardId: s!.id, feeItemId, roomId, validFrom: '2026-01-01' }).returning();
    return { standardId: s!.id, assignmentId: a!.id };
  };
  const billing = {
    feeItem,
    own: await mkStandard(ours, feeItem.ours, ours.projectA, worldRooms.own.roomId),
    otherProject: await mkStandard(ours, feeItem.ours, ours.projectB, worldRooms.otherProject.roomId),
    otherCompany: await mkStandard(theirs, feeItem.theirs, theirs.projectA, worldRooms.otherCompany.roomId),
  };
  const mkAccount = async (tenant: Tenant, target: Target, feeItemId: string) => {
    const room = worldRooms[target];
    const projectId = projectOf({ ours, theirs } as World, target);
    const [bill] = await db.insert(bills).values({
      companyId: tenant.companyId, projectId, roomId: room.roomId, feeItemId, kind: 'periodic', periodFrom: '2026-01-01', periodTo: '2026-01-31', dueDate: '2026-01-15', principalFen: 10_000,
    }).returning();
    await db.insert(ledgerEntries).values({ companyId: tenant.companyId, projectId, roomId: room.roomId, feeItemId, billId: bill!.id, kind: 'charge', account: 'receivable', amountFen: 10_000, entryDate: '2026-01-01' });
    const [wv] = await db.insert(waivers).values({ companyId: tenant.companyId, projectId, billId: bill!.id, principalFen: 100, lateFeeFen: 0, reason: '矩阵减免', requestedBy: tenant.users.cashier!.userId }).returning();
    const [run] = await db.insert(billRuns).values({
      companyId: tenant.companyId, projectId, periodKind: 'month', periodFrom: '2025-01-01', periodTo: '2025-01-31', dueDate: '2025-01-15', feeItemIds: [feeItemId], status: 'done',
    }).returning();
    return { billId: bill!.id, waiverId: wv!.id, runId: run!.id };
  };
  const accounts = {
    own: await mkAccount(ours, 'own', feeItem.ours), otherProject: await mkAccount(ours, 'otherProject', feeItem.ours), otherCompany: await mkAccount(theirs, 'otherCompany', feeItem.theirs),
  };
  const world: Omit<World, 'payments'> = {
    accounts,
    workOrders: await createWoWorld(db, ours, theirs, worldRooms),
    woDispatch: await createWoDispatchWorld(db, ours, theirs),
    rooms: worldRooms, billing, openingImports,
    ours, theirs, apiKey: { ours: a.id, oursSecret: a.secret, theirs: b.id }, theirTemplate: tpl!.id,
    deliveries: {
      otherProject: await deadDelivery(ours, ours.projectB, ours.staffB.userId),
      otherCompany: await deadDelivery(theirs, theirs.projectA, theirs.users.cashier!.userId),
    },
  };
  const payments = {} as World['payments'];
  for (const [key, part] of [['core', payCore], ['refunds', payRefunds], ['finance', payFinance], ['sandbox', paySandbox], ['invoices', payInvoices], ['reminders', payReminders]] as const) {
    payments[key] = await part.create(t, { ...world, payments });
  }
  return { ...world, payments };
}

export type Target = 'own' | 'otherProject' | 'otherCompany';

/**
 * How to fill a route's path parameters for each target, and a valid body for writes so the
 * request reaches the scope check. A route with parameters and no entry fails the matrix test:
 * a new module adds its routes here.
 */
export const fixtures: Record<string, { id: (w: World, target: Target) => string | null; body?: (w: World, target: Target) => unknown }> = {
  '/api/projects/:id': {
    id: (w, t) => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA),
  },
  '/api/staff/:id': {
    id: (w, t) => (t === 'own' ? w.ours.users.cashier!.membershipId : t === 'otherProject' ? w.ours.staffB.membershipId : w.theirs.users.cashier!.membershipId),
  },
  '/api/staff/:id/unlock': { id: (w, t) => fixtures['/api/staff/:id']!.id(w, t) },
  '/api/staff/:id/reset-password': { id: (w, t) => fixtures['/api/staff/:id']!.id(w, t), body: () => ({ newPassword: 'Another#pass1' }) },
  '/api/roles/:id': { id: (w, t) => (t === 'own' ? w.ours.roleIds.cashier! : t === 'otherProject' ? null : w.theirs.roleIds.cashier!) },
  '/api/api-keys/:id': { id: (w, t) => (t === 'own' ? w.apiKey.ours : t === 'otherProject' ? null : w.apiKey.theirs) },
  '/api/auth/sessions/:id': { id: () => null },
  '/api/rooms/:id': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/status': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/status-history': { id: (w, t) => w.rooms[t].roomId },
  '/api/buildings/:id/grid': { id: (w, t) => w.rooms[t].buildingId },
  '/api/buildings/:id': { id: (w, t) => w.rooms[t].buildingId },
  '/api/binding/projects/:id/rooms': { id: () => null },
  '/api/me/rooms/:id': { id: (w, t) => w.rooms[t].roomId },
  '/api/binding-requests/:id/approve': { id: (w, t) => w.rooms[t].bindingId },
  '/api/binding-requests/:id/reject': { id: (w, t) => w.rooms[t].bindingId },
  '/api/vehicles/:id': { id: (w, t) => w.rooms[t].vehicleId },
  '/api/persons/:id': { id: (w, t) => w.rooms[t].personId },
  '/api/rooms/:id/residents': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/transfer': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/moves': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/move-in': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/move-out': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/payers': { id: (w, t) => w.rooms[t].roomId },
  '/api/parking-spaces/:id': { id: (w, t) => w.rooms[t].parkingId },
  '/api/estate/imports/:id': { id: (w, t) => w.rooms[t].importId },
  '/api/estate/import-templates/:kind': { id: (_w, t) => (t === 'own' ? 'rooms' : null) },
  '/api/facilities/:id': { id: (w, t) => w.rooms[t].facilityId },
  '/api/projects/:id/buildings': { id: (w, t) => fixtures['/api/projects/:id']!.id(w, t) },
  '/api/projects/:id/buildings/generate': { id: (w, t) => fixtures['/api/projects/:id']!.id(w, t) },
  '/api/notifications/:id/read': { id: () => null },
  // file routes follow the owning record's scope; files.test.ts covers them role by role
  '/api/files/:id': { id: () => null },
  '/api/files/:id/signed-url': { id: () => null },
  '/api/notification-templates/:id': { id: (w, t) => (t === 'otherCompany' ? w.theirTemplate : null) },
  '/api/billing/fee-items/:id': { id: (w, t) => (t === 'own' ? w.billing.feeItem.ours : t === 'otherProject' ? null : w.billing.feeItem.theirs) },
  '/api/billing/standards/:id': { id: (w, t) => w.billing[t].standardId },
  '/api/billing/standards/:id/versions': { id: (w, t) => w.billing[t].standardId },
  '/api/billing/assignments/:id/end': { id: (w, t) => w.billing[t].assignmentId },
  '/api/rooms/:id/charge-assignments': { id: (w, t) => w.rooms[t].roomId },
  '/api/parking-spaces/:id/charge-assignments': { id: (w, t) => w.rooms[t].parkingId },
  '/api/rooms/:id/bills': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/ledger': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/accounts': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/prepaid': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/prepaid/refund': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/prepaid/deduct': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/deposits': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/deposits/refund': { id: (w, t) => w.rooms[t].roomId },
  '/api/billing/bills/:id': { id: (w, t) => w.accounts[t].billId },
  '/api/billing/runs/:id': { id: (w, t) => w.accounts[t].runId },
  '/api/billing/runs/:id/cancel': { id: (w, t) => w.accounts[t].runId, body: () => ({ version: 1, reason: '矩阵作废' }) },
  '/api/billing/waivers/:id/approve': { id: (w, t) => w.accounts[t].waiverId },
  '/api/billing/waivers/:id/reject': { id: (w, t) => w.accounts[t].waiverId },
  '/api/billing/waivers/:id/withdraw': { id: (w, t) => w.accounts[t].waiverId },
  '/api/billing/projects/:id/settings': { id: (w, t) => fixtures['/api/projects/:id']!.id(w, t) },
  '/api/billing/opening-imports/:id': { id: (w, t) => w.openingImports[t] },
  '/api/deliveries/:id/resend': { id: (w, t) => (t === 'own' ? null : t === 'otherProject' ? w.deliveries.otherProject : w.deliveries.otherCompany) },
  '/api/rooms/:id/statement': { id: (w, t) => w.rooms[t].roomId },
  '/api/rooms/:id/statement.pdf': { id: (w, t) => w.rooms[t].roomId },
  '/api/me/bills/:id': { id: (w, t) => w.accounts[t].billId },
  '/api/me/rooms/:id/statement': { id: (w, t) => w.rooms[t].roomId },
  '/api/me/rooms/:id/statement.pdf': { id: (w, t) => w.rooms[t].roomId },
  ...woFixtures, ...payCore.fixtures, ...payRefunds.fixtures, ...payFinance.fixtures, ...paySandbox.fixtures, ...payInvoices.fixtures, ...payReminders.fixtures,
};

/**
 * Valid bodies per "METHOD url" so writes get past validation. For a create, the target decides
 * which project or company the body points at; `null` = the route has no such dimension (a create
 * always lands in the actor's own company), so the matrix skips that target.
 */
const rnd = () => randomBytes(3).toString('hex');
const phone = () => `15${String(Date.now()).slice(-5)}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
const projectOf = (w: World, t: Target) => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA);
export const bodies: Record<string, (w: World, target: Target) => unknown> = {
  'POST /api/projects': (_w, t) => (t === 'own' ? { code: `M${rnd()}`, name: '矩阵项目' } : null),
  'PATCH /api/projects/:id': () => ({ version: 1, name: '改名' }),
  'POST /api/roles': (_w, t) => (t === 'own' ? { code: `r_${rnd()}`, name: '矩阵角色', scope: 'project', permissions: ['org.project.read'] } : null),
  'PATCH /api/roles/:id': () => ({ version: 1, name: '改名' }),
  'POST /api/staff': (w, t) => ({
    name: '矩阵员工', phone: phone(), password: 'Matrix#pass1',
    roleIds: [t === 'otherCompany' ? w.theirs.roleIds.cleaner : w.ours.roleIds.cleaner],
    projectIds: [t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA],
  }),
  'PATCH /api/staff/:id': () => ({ version: 1, name: '改名' }),
  'POST /api/api-keys': (w, t) => (t === 'otherProject' ? null : { name: '矩阵', permissions: ['org.project.read'], projectIds: t === 'own' ? null : [w.theirs.projectA] }),
  'POST /api/platform/companies': () => ({ code: `C${rnd()}`, name: '矩阵公司', admin: { name: '管理员', phone: phone(), password: 'Matrix#pass1' } }),
  'POST /api/auth/switch-company': (w) => ({ companyId: w.theirs.companyId }),
  'PUT /api/notification-templates': (_w, t) => (t === 'own' ? { event: 'system.broadcast', channel: 'inapp', locale: 'zh-CN', title: '{{title}}', body: '{{content}}' } : null),
  'POST /api/notifications/broadcast': (w, t) => ({ title: '停水通知', content: '明天停水', projectId: t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA }),
  'POST /api/projects/:id/buildings/generate': () => ({ code: `G${rnd().slice(0, 4)}`, name: '矩阵楼', units: 1, floors: 2, roomsPerFloor: 1, areas: [{ buildingArea: '80.5' }], preview: true }),
  'PATCH /api/rooms/:id': () => ({ version: 1, buildingArea: '81.00' }),
  'POST /api/rooms/:id/status': () => ({ version: 1, status: 'occupied' }),
  'POST /api/parking-spaces': (w, t) => ({ projectId: t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA, code: `P${rnd()}`, type: 'rented' }),
  'PATCH /api/parking-spaces/:id': () => ({ version: 1, type: 'temporary' }),
  'POST /api/facilities': (w, t) => ({ projectId: t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA, name: '泵房', category: 'pump_room' }),
  'PATCH /api/facilities/:id': () => ({ version: 1, name: '改名' }),
  'POST /api/persons': (_w, t) => (t === 'own' ? { name: '新业主', phone: '13912345678' } : null),
  'POST /api/rooms/:id/residents': (w) => ({ personId: w.rooms.own.personId, relation: 'tenant', validFrom: '2026-02-01' }),
  'POST /api/rooms/:id/transfer': (w) => ({ date: '2026-03-01', owners: [{ personId: w.rooms.own.personId, shareBp: 10000 }] }),
  'POST /api/rooms/:id/move-in': (w) => ({ date: '2026-02-01', personIds: [w.rooms.own.personId] }),
  'POST /api/rooms/:id/move-out': () => ({ date: '2026-02-01', endRelations: true }),
  'PUT /api/rooms/:id/payers': () => ({ category: 'property_fee', payer: 'owner', from: '2026-02-01' }),
  'POST /api/binding-requests/:id/approve': () => ({ version: 1 }),
  'POST /api/binding-requests/:id/reject': () => ({ version: 1, note: '矩阵' }),
  'POST /api/vehicles': (w, t) => ({ projectId: t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA, plate: '粤BD12345' }),
  'PATCH /api/vehicles/:id': () => ({ version: 1, color: '白' }),
  'PUT /api/billing/settings': (_w, t) => (t === 'own' ? { projectStandards: false, version: 0 } : null),
  'POST /api/billing/fee-items': (_w, t) => (t === 'own' ? { code: `F${rnd()}`, name: '矩阵收费项目', category: 'one_off', feeCategory: 'other', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner' } : null),
  'PATCH /api/billing/fee-items/:id': () => ({ version: 1, name: '改名' }),
  'POST /api/billing/standards': (w, t) => ({
    feeItemId: t === 'otherCompany' ? w.billing.feeItem.theirs : w.billing.feeItem.ours, projectId: projectOf(w, t), code: `S${rnd()}`, name: '矩阵标准',
    rule: { kind: 'fixed', per: 'room', amount: 5000 }, validFrom: '2026-01-01',
  }),
  'POST /api/billing/standards/:id/versions': () => ({ version: 1, rule: { kind: 'area', basis: 'building_area', unitPrice: '2.8' }, validFrom: '2030-01-01' }),
  'POST /api/billing/assignments/preview': (w, t) => ({ standardId: w.billing[t].standardId, projectId: projectOf(w, t), target: { by: 'project' }, from: '2031-01-01' }),
  'POST /api/billing/assignments': (w, t) => ({ standardId: w.billing[t].standardId, projectId: projectOf(w, t), target: { by: 'project' }, from: '2031-01-01' }),
  'POST /api/billing/assignments/:id/end': () => ({ version: 1, to: '2030-12-31' }),
  'POST /api/billing/one-off-charges': (w, t) => ({
    roomId: w.rooms[t].roomId, feeItemId: t === 'otherCompany' ? w.billing.feeItem.theirs : w.billing.feeItem.ours, amountFen: 100, dueDate: '2099-12-31', description: '矩阵临时收费',
  }),
  'POST /api/rooms/:id/prepaid': () => ({ amountFen: 100, note: '矩阵预存' }),
  'POST /api/rooms/:id/prepaid/refund': () => ({ amountFen: 100, reason: '矩阵退款' }),
  'POST /api/rooms/:id/prepaid/deduct': () => ({}),
  'POST /api/rooms/:id/deposits': (w, t) => ({ feeItemId: t === 'otherCompany' ? w.billing.feeItem.theirs : w.billing.feeItem.ours, amountFen: 100 }),
  'POST /api/rooms/:id/deposits/refund': (w, t) => ({ feeItemId: t === 'otherCompany' ? w.billing.feeItem.theirs : w.billing.feeItem.ours, amountFen: 100, reason: '矩阵退押金' }),
  'POST /api/billing/runs/preview': (w, t) => ({ projectId: projectOf(w, t), periodKind: 'month', periodFrom: '2031-01-01' }),
  'POST /api/billing/runs': (w, t) => ({ projectId: projectOf(w, t), periodKind: 'month', periodFrom: '2031-01-01' }),
  'POST /api/billing/waivers': (w, t) => ({ billId: w.accounts[t].billId, principalFen: 1, lateFeeFen: 0, reason: '矩阵减免' }),
  'POST /api/billing/waivers/:id/approve': () => ({ version: 1 }),
  'POST /api/billing/waivers/:id/reject': () => ({ version: 1, note: '矩阵' }),
  'POST /api/billing/waivers/:id/withdraw': () => ({ version: 1 }),
  'PUT /api/billing/projects/:id/settings': () => ({ dueOffsetDays: 14, settleOrder: 'principal_first', autoDeductPrepaid: false, lateFeesEnabled: true, version: 0 }),
  'POST /api/billing/periods/close': (w, t) => ({ projectId: projectOf(w, t), month: '2020-01' }),
  'PUT /api/me/channel-prefs': () => ({ prefs: [{ channel: 'sms', enabled: true }] }),
  ...woBodies, ...payCore.bodies, ...payRefunds.bodies, ...payFinance.bodies, ...paySandbox.bodies, ...payInvoices.bodies, ...payReminders.bodies,
};
