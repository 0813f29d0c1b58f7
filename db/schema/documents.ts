import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { citizenDocuments } from './citizen-documents';
import { dossiers } from './dossiers';

/** Files attached by citizens and officers (content stored by sha256 in the data directory). */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    dossierCode: text('dossier_code').references(() => dossiers.code),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    /**
     * The required document (its Vietnamese label in the procedure's checklist) this file is a
     * copy of, as the uploader declared it; null for a file that answers none in particular.
     * A label rather than a position, so a later edit of the checklist cannot re-label old files.
     */
    requirement: text('requirement'),
    /**
     * Set when the citizen took this file from their document store (citizen_documents) instead
     * of uploading it: the bytes are that document's, checked against its hash when attached.
     */
    storeDocumentId: text('store_document_id').references(() => citizenDocuments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_dossier_code_idx').on(t.dossierCode),
    // The per-user upload quota counts a user's recent uploads (api/upload-quota.ts).
    index('documents_uploaded_by_created_at_idx').on(t.uploadedBy, t.createdAt),
  ],
);
export type DocumentRow = typeof documents.$inferSelect;
