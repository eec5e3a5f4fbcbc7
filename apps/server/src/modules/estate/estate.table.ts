import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';


export const roomTypes = ['residential', 'shop', 'office', 'parking', 'storage'] as const;
export const roomStatuses = ['vacant', 'occupied', 'decorating', 'rented'] as const;

/** 楼栋 */
export const buildings = pgTable('buildings', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  floorsAbove: integer('floors_above').notNull().default(1),
  floorsBelow: integer('floors_below').notNull().default(0),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('buildings_project_code_uq').on(t.companyId, t.projectId, t.code)]);

/** 单元 */
export const units = pgTable('units', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  buildingId: uuid('building_id').notNull().references(() => buildings.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('units_building_code_uq').on(t.companyId, t.buildingId, t.code)]);

/**
 * 房间. Areas are integer hundredths of a square metre (89.50 m² → 8950): exact, and the unit
 * billing multiplies by a unit price without floating point.
 */
export const rooms = pgTable('rooms', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  buildingId: uuid('building_id').notNull().references(() => buildings.id),
  unitId: uuid('unit_id').references(() => units.id),
  floor: integer('floor').notNull(),
  number: integer('number').notNull(),
  code: text('code').notNull(),
  type: text('type', { enum: roomTypes }).notNull().default('residential'),
  buildingArea: bigint('building_area', { mode: 'number' }).notNull(),
  insideArea: bigint('inside_area', { mode: 'number' }),
  status: text('status', { enum: roomStatuses }).notNull().default('vacant'),
  deliveryDate: date('delivery_date', { mode: 'string' }),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('rooms_project_code_uq').on(t.companyId, t.projectId, t.code),
  index('rooms_building_idx').on(t.companyId, t.buildingId, t.floor, t.number),
  check('rooms_area_positive', sql`${t.buildingArea} > 0 and (${t.insideArea} is null or ${t.insideArea} > 0)`),
]);

/**
 * Effective-dated room status (空置 / 入住 / 装修 / 出租): billing's vacancy discount and the vacancy
 * rate read the status on any past day. Periods never overlap: exactly one open period per room
 * (valid_to null), and a change closes it the day before the new one starts, under the room's lock.
 */
export const roomStatusHistory = pgTable('room_status_history', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  status: text('status', { enum: roomStatuses }).notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  /** inclusive last day; null = still in force */
  validTo: date('valid_to', { mode: 'string' }),
  changedBy: uuid('changed_by'),
  createdAt: createdAt(),
}, (t) => [
  index('room_status_history_room_idx').on(t.companyId, t.roomId, t.validFrom),
  uniqueIndex('room_status_history_open_uq').on(t.companyId, t.roomId).where(sql`valid_to is null`),
  check('room_status_history_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
]);

export const parkingTypes = ['owned', 'rented', 'temporary'] as const;

/** 车位: owned / rented / temporary, optionally bound to a room (its owner's space). */
export const parkingSpaces = pgTable('parking_spaces', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  code: text('code').notNull(),
  area: bigint('area', { mode: 'number' }),
  type: text('type', { enum: parkingTypes }).notNull(),
  roomId: uuid('room_id').references(() => rooms.id),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('parking_spaces_project_code_uq').on(t.companyId, t.projectId, t.code), index('parking_spaces_room_idx').on(t.companyId, t.roomId)]);

export const facilityCategories = ['clubhouse', 'machine_room', 'pump_room', 'power_room', 'garage', 'garden', 'gate', 'other'] as const;

/** 公共设施 / 场所: places that work orders and equipment point at. */
export const facilities = pgTable('facilities', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  buildingId: uuid('building_id').references(() => buildings.id),
  name: text('name').notNull(),
  category: text('category', { enum: facilityCategories }).notNull(),
  location: text('location'),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [index('facilities_project_idx').on(t.companyId, t.projectId)]);
