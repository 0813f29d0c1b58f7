import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Files attached by citizens and officers (content stored by sha256 in the data directory). */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    dossierCode: text('dossier_code'),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_dossier_code_idx').on(t.dossierCode)],
);
export type DocumentRow = typeof documents.$inferSelect;
