import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { rooms } from './estate.table.ts';
import { id } from '../../db/columns.ts';


/**
 * A person known to a company (owner, tenant, family member). Phone and ID number are stored
 * encrypted with a blind index for exact search and a masked copy for display.
 */
export const persons = pgTable('persons', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  name: text('name').notNull(),
  phoneEnc: text('phone_enc'),
  phoneBidx: text('phone_bidx'),
  phoneMasked: text('phone_masked'),
  idType: text('id_type', { enum: ['id_card', 'passport', 'hk_macao', 'taiwan', 'other'] }),
  idNoEnc: text('id_no_enc'),
  idNoBidx: text('id_no_bidx'),
  idNoMasked: text('id_no_masked'),
  gender: text('gender', { enum: ['male', 'female', 'unknown'] }).notNull().default('unknown'),
  birthday: date('birthday', { mode: 'string' }),
  emergencyContact: text('emergency_contact'),
  /** the platform account of this person, once they register and bind */
  userId: uuid('user_id'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('persons_phone_bidx').on(t.companyId, t.phoneBidx),
  uniqueIndex('persons_id_no_uq').on(t.companyId, t.idNoBidx),
  index('persons_name_idx').on(t.companyId, t.name),
]);

export const residentRelations = ['owner', 'co_owner', 'tenant', 'family'] as const;

/** A person's relation to a room over a period: owner, co-owner (with share), tenant, family. */
export const roomResidents = pgTable('room_residents', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  relation: text('relation', { enum: residentRelations }).notNull(),
  /** ownership share in basis points (10000 = 100 %), owners and co-owners only */
  shareBp: integer('share_bp'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('room_residents_room_idx').on(t.companyId, t.roomId, t.validFrom),
  index('room_residents_person_idx').on(t.companyId, t.personId),
]);

/** 车辆: a resident's vehicle, optionally on a parking space; plates validated for Chinese formats. */
export const vehicles = pgTable('vehicles', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  plate: text('plate').notNull(),
  personId: uuid('person_id').references(() => persons.id),
  roomId: uuid('room_id').references(() => rooms.id),
  parkingSpaceId: uuid('parking_space_id'),
  brand: text('brand'),
  color: text('color'),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [uniqueIndex('vehicles_plate_uq').on(t.companyId, t.projectId, t.plate), index('vehicles_person_idx').on(t.companyId, t.personId)]);
