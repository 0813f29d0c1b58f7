import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Messages to the outside (portal sync, notices), written in the same transaction as the event. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    dossierCode: text('dossier_code').notNull(),
    eventSeq: integer('event_seq').notNull(),
    channel: text('channel').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'dead'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_dossier_code_event_seq_channel_idx').on(t.dossierCode, t.eventSeq, t.channel),
    index('outbox_status_next_attempt_at_idx').on(t.status, t.nextAttemptAt),
  ],
);
