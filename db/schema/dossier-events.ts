import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers';

/**
 * The audit trail: insert-only (a trigger refuses UPDATE and DELETE), one row per workflow
 * event, unique per (dossier, seq) so a retried activity writes nothing twice, and hash-chained
 * per dossier: hash = sha256(prev_hash || canonical event).
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: text('id').primaryKey(),
    dossierCode: text('dossier_code').notNull().references(() => dossiers.code),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    actorAgencyCode: text('actor_agency_code'),
    agencyCode: text('agency_code').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    data: jsonb('data').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('dossier_events_dossier_code_seq_idx').on(t.dossierCode, t.seq),
    index('dossier_events_type_at_idx').on(t.type, t.at),
  ],
);
export type DossierEventRow = typeof dossierEvents.$inferSelect;
