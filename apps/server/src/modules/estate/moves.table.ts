import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { rooms } from './estate.table.ts';
import { persons } from './residents.table.ts';

export const moveKinds = ['move_in', 'move_out'] as const;

/**
 * 入住 / 搬出: when people actually began or stopped living in a room, apart from owning it (an
 * owner may buy in 2020 and move in in 2021). One row per person moving; `person_id` is null for a
 * move-out of a household nobody recorded moving in (rooms marked lived-in before this existed).
 */
export const roomMoves = pgTable('room_moves', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  personId: uuid('person_id').references(() => persons.id),
  kind: text('kind', { enum: moveKinds }).notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('room_moves_room_idx').on(t.companyId, t.roomId, t.date),
  index('room_moves_person_idx').on(t.companyId, t.personId),
]);
