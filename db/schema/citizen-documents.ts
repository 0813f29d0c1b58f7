import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers';
import { issuedDocuments } from './issued-documents';

/**
 * The citizen's document store, "kho dữ liệu" (docs/signing.md, "The citizen's store"): one row
 * per signed result delivered electronically to a citizen's account. A pointer, not a copy: the
 * bytes stay the issued document's (`issued_code`), and nothing personal is restated here — the
 * owner's account, where the document came from, its hash and when it was issued. Insert-only.
 */
export const citizenDocuments = pgTable(
  'citizen_documents',
  {
    id: text('id').primaryKey(),
    /** The citizen's account (users.id): the dossier's applicant account when it was delivered. */
    ownerId: text('owner_id').notNull(),
    /** What the document is (api/issued-documents.ts SIGNED_KINDS; only `result` so far). */
    kind: text('kind').notNull(),
    procedureCode: text('procedure_code').notNull(),
    dossierCode: text('dossier_code').notNull().references(() => dossiers.code),
    /** The issued document whose stored, signed bytes this is. */
    issuedCode: text('issued_code').notNull().references(() => issuedDocuments.code),
    sha256: text('sha256').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A document is in one citizen's store once, however often delivery is retried.
    uniqueIndex('citizen_documents_owner_id_issued_code_idx').on(t.ownerId, t.issuedCode),
    index('citizen_documents_dossier_code_idx').on(t.dossierCode),
  ],
);
export type CitizenDocumentRow = typeof citizenDocuments.$inferSelect;
