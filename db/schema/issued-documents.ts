import { customType, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers';

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Signed documents as issued (docs/signing.md): the PDF bytes themselves, so the public
 * verification page checks what the agency signed, not a re-rendering. Insert-only; a change
 * of the data a document prints issues a new one, the old stays verifiable.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    /** The verification code printed in the document's QR; random, not guessable. */
    code: text('code').primaryKey(),
    dossierCode: text('dossier_code').notNull().references(() => dossiers.code),
    kind: text('kind').notNull(),
    /** SHA-256 of the data the document prints: the same data is served the same signed file. */
    dataSha256: text('data_sha256').notNull(),
    sha256: text('sha256').notNull(),
    pdf: bytea('pdf').notNull(),
    signer: text('signer').notNull(),
    certSha256: text('cert_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  // Also the index of a dossier's documents (its leading column).
  (t) => [uniqueIndex('issued_documents_dossier_code_kind_data_sha256_idx').on(t.dossierCode, t.kind, t.dataSha256)],
);
export type IssuedDocumentRow = typeof issuedDocuments.$inferSelect;
