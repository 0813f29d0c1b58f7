import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Messages to the outside (portal sync, citizen SMS/e-mail, officer e-mail), written by
 * recordEvent in the same transaction as the event they announce (transactional outbox), and
 * delivered by integrations/dispatcher.ts. One row per (dossier, event seq, channel): a retried
 * activity inserts nothing twice, and `id` = `<dossier>:<seq>:<channel>` is also the
 * Idempotency-Key the receiver sees.
 */
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
export type OutboxRow = typeof outbox.$inferSelect;

/** Which officer has read which reminder/escalation event (GET /api/notifications). */
export const notificationReads = pgTable(
  'notification_reads',
  {
    userId: text('user_id').notNull(),
    /** dossier_events.id (`<dossier>#<seq>`). */
    eventId: text('event_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventId] })],
);
