import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';


/** Property companies — the tenants. */
export const companies = pgTable('companies', {
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  status: text('status', { enum: ['active', 'suspended'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('companies_code_uq').on(t.code)]);

export const projects = pgTable('projects', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  type: text('type', { enum: ['residential', 'commercial', 'office', 'mixed'] }).notNull().default('residential'),
  address: text('address'),
  /** GCJ-02 coordinates as decimal strings (what Chinese map SDKs use) */
  longitude: text('longitude'),
  latitude: text('latitude'),
  /** hundredths of m² */
  landArea: bigint('land_area', { mode: 'number' }),
  floorArea: bigint('floor_area', { mode: 'number' }),
  developer: text('developer'),
  contractStart: date('contract_start', { mode: 'string' }),
  contractEnd: date('contract_end', { mode: 'string' }),
  managerMembershipId: uuid('manager_membership_id'),
  /** 统一编码规则 for room codes (see estate/room-code.ts) */
  roomCodePattern: text('room_code_pattern').notNull().default('{building}-{unit}-{floor:02}{room:02}'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('projects_company_code_uq').on(t.companyId, t.code)]);

/** Roles are data: a company's set of permission codes with a row scope. */
export const roles = pgTable('roles', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  builtin: boolean('builtin').notNull().default(false),
  scope: text('scope', { enum: ['company', 'project', 'assignee', 'own'] }).notNull(),
  permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
  version: version(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('roles_company_code_uq').on(t.companyId, t.code)]);

/** A person's place in one company: staff or resident, with roles and project assignments. */
export const memberships = pgTable('memberships', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind', { enum: ['staff', 'resident'] }).notNull(),
  displayName: text('display_name').notNull(),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  /** HQ members see every project of the company. */
  allProjects: boolean('all_projects').notNull().default(false),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('memberships_company_user_uq').on(t.companyId, t.userId),
  index('memberships_company_kind_created_idx').on(t.companyId, t.kind, t.createdAt),
  index('memberships_user_idx').on(t.userId),
]);

export const membershipRoles = pgTable('membership_roles', {
  companyId: uuid('company_id').notNull(),
  membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  roleId: uuid('role_id').notNull().references(() => roles.id),
}, (t) => [primaryKey({ columns: [t.companyId, t.membershipId, t.roleId] }), index('membership_roles_role_idx').on(t.companyId, t.roleId)]);

export const membershipProjects = pgTable('membership_projects', {
  companyId: uuid('company_id').notNull(),
  membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id').notNull().references(() => projects.id),
}, (t) => [primaryKey({ columns: [t.companyId, t.membershipId, t.projectId] }), index('membership_projects_project_idx').on(t.companyId, t.projectId)]);

/**
 * A resident account bound to a room. Rooms arrive with the estate module; the binding table is
 * here so residents' row scope ("own rooms") works from the start.
 */
export const residentRooms = pgTable('resident_rooms', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  roomId: uuid('room_id').notNull(),
  relation: text('relation', { enum: ['owner', 'co_owner', 'tenant', 'family'] }).notNull(),
  status: text('status', { enum: ['pending', 'active', 'ended'] }).notNull().default('pending'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('resident_rooms_uq').on(t.companyId, t.membershipId, t.roomId),
  index('resident_rooms_room_idx').on(t.companyId, t.roomId),
]);
