import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** An uploaded file: content-addressed in the store, owned by a record whose scope governs access. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id'),
  ownerType: text('owner_type').notNull(),
  ownerId: uuid('owner_id').notNull(),
  kind: text('kind', { enum: ['image', 'document'] }).notNull(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  thumbKey: text('thumb_key'),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [index('files_owner_idx').on(t.companyId, t.ownerType, t.ownerId)]);
