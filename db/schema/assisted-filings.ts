import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** How a citizen consented to a helper filing for them (docs/assisted-filing.md). */
export const CONSENT_METHODS = ['sms-code', 'signed-form'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * One-time codes sent by SMS to a citizen whose dossier a helper is about to file. Only a keyed
 * hash of the code is kept; a code lives 10 minutes, takes a few wrong tries, and is spent by the
 * one dossier it consented to (`dossier_code`).
 */
export const consentCodes = pgTable(
  'consent_codes',
  {
    id: text('id').primaryKey(),
    helperUserId: text('helper_user_id').notNull(),
    citizenIdNumber: text('citizen_id_number').notNull(),
    citizenPhone: text('citizen_phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The dossier this consent was given for; set once, at its submission. */
    dossierCode: text('dossier_code').unique('consent_codes_dossier_code_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_codes_helper_user_id_idx').on(t.helperUserId)],
);
export type ConsentCodeRow = typeof consentCodes.$inferSelect;

/**
 * A dossier filed by a helper for a citizen: who helped (name and commune as they were then, for
 * the "filed with help from …" line) and the consent on record, written in the submission's
 * transaction. Insert-only.
 */
export const assistedFilings = pgTable(
  'assisted_filings',
  {
    dossierCode: text('dossier_code').primaryKey(),
    helperUserId: text('helper_user_id').notNull(),
    helperName: text('helper_name').notNull(),
    helperAgencyCode: text('helper_agency_code').notNull(),
    helperAgencyName: text('helper_agency_name').notNull(),
    citizenUserId: text('citizen_user_id').notNull(),
    consentMethod: text('consent_method', { enum: CONSENT_METHODS }).notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    /** sms-code: the code's row and its keyed hash. */
    consentCodeId: text('consent_code_id'),
    consentCodeHash: text('consent_code_hash'),
    /** signed-form: the upload of the signed form, attached to the dossier. */
    consentAttachmentId: text('consent_attachment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assisted_filings_helper_user_id_idx').on(t.helperUserId)],
);
export type AssistedFilingRow = typeof assistedFilings.$inferSelect;

/**
 * Inbound SMS already answered, by the gateway's message id: a gateway that calls again (it
 * retries until it sees a 2xx) gets the same answer and the citizen no second reply.
 */
export const smsInbound = pgTable('sms_inbound', {
  messageId: text('message_id').primaryKey(),
  sender: text('sender').notNull(),
  /** The outbox row of the reply. */
  replyId: text('reply_id').notNull(),
  /** What the reply was about: `status`, `unknown-code` or `help`. */
  outcome: text('outcome').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
