import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DossierState } from '../../domain/lifecycle/state';
import { TIMELINESS } from '../../domain/lifecycle/timeliness';
import type { Applicant } from '../../domain/applicant';
import type { Actor } from '../../domain/roles';
import { CHANNELS } from '../../domain/procedure-rules';
import { STATUSES, STUCK_KINDS } from '../../domain/status';
import { agencies } from './agencies';
import { procedures } from './procedures';

/**
 * Current state of each dossier: a projection written only by the worker's activities from the
 * workflow's events, never by the API. `last_seq` guards against an older event overwriting a
 * newer one when activities are retried out of order.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    code: text('code').primaryKey(),
    procedureCode: text('procedure_code').notNull().references(() => procedures.code),
    status: text('status', { enum: STATUSES }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    applicantUserId: text('applicant_user_id'),
    /** The helper who filed it for the citizen (docs/assisted-filing.md): they read it, nothing more. */
    helperUserId: text('helper_user_id'),
    form: jsonb('form').notNull(),
    receivingAgencyCode: text('receiving_agency_code').notNull().references(() => agencies.code),
    agencyCode: text('agency_code').notNull().references(() => agencies.code),
    assigneeId: text('assignee_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    stageDueAt: timestamp('stage_due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    fee: integer('fee').notNull(),
    paid: boolean('paid').notNull().default(false),
    paidOnline: boolean('paid_online').notNull().default(false),
    rating: integer('rating'),
    /**
     * Early, on time or late against the original due date, set when the result was ready
     * (docs/decision-766.md); null while processing, without a due date, and for refusals.
     */
    timeliness: text('timeliness', { enum: TIMELINESS }),
    /** The agency the classification is counted for: the one that made the result ready. */
    resultAgencyCode: text('result_agency_code').references(() => agencies.code),
    state: jsonb('state').$type<DossierState>().notNull(),
    lastSeq: integer('last_seq').notNull(),
    /** Unaccented, lower-cased code + applicant name, for free-text search with or without diacritics. */
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set while the dossier's workflow cannot record (docs/operations.md, "Stuck dossiers"):
     * `record-failed` — a change PostgreSQL refused was set aside, until an administrator repairs
     * it; `retrying` — recording keeps failing and is being retried, until it succeeds.
     */
    stuckAt: timestamp('stuck_at', { withTimezone: true }),
    stuckKind: text('stuck_kind', { enum: STUCK_KINDS }),
    stuckReason: text('stuck_reason'),
  },
  (t) => [
    // Stuck dossiers are few: the list and the metric read this small partial index.
    index('dossiers_stuck_at_idx').on(t.stuckAt, t.agencyCode).where(sql`stuck_at is not null`),
    index('dossiers_agency_code_status_due_at_idx').on(t.agencyCode, t.status, t.dueAt),
    index('dossiers_receiving_agency_code_status_idx').on(t.receivingAgencyCode, t.status),
    index('dossiers_assignee_id_status_idx').on(t.assigneeId, t.status),
    index('dossiers_procedure_code_status_idx').on(t.procedureCode, t.status),
    // GET /api/stats/timeliness groups the classified dossiers by agency and procedure.
    index('dossiers_timeliness_idx').on(t.resultAgencyCode, t.procedureCode, t.timeliness).where(sql`timeliness is not null`),
    // (Migration 0005 also creates MCV statistics on (agency_code, receiving_agency_code), which
    // drizzle does not model: the scope's OR over both columns is misestimated without them.)
    // Open dossiers only (a small share of the table). The trailing columns let a list's total,
    // which carries the caller's scope (agency_code / receiving_agency_code), be counted from the
    // index alone: the overdue list by due date, an agency's work by agency then due date.
    index('dossiers_open_due_at_idx').on(t.dueAt, t.status, t.agencyCode, t.receivingAgencyCode).where(sql`finished_at is null`),
    index('dossiers_open_agency_code_due_at_idx').on(t.agencyCode, t.dueAt, t.receivingAgencyCode).where(sql`finished_at is null`),
    index('dossiers_applicant_user_id_idx').on(t.applicantUserId),
    index('dossiers_helper_user_id_idx').on(t.helperUserId).where(sql`helper_user_id is not null`),
    // Every column GET /api/stats/summary reads, led by its period column: the summary is an
    // index-only scan of this narrow index instead of a scan of the wide heap (form, state).
    index('dossiers_created_at_stats_idx').on(
      t.createdAt, t.agencyCode, t.receivingAgencyCode, t.status, t.channel, t.paid, t.paidOnline, t.finishedAt, t.dueAt, t.receivedAt, t.rating, t.timeliness,
    ),
  ],
);
export type DossierRow = typeof dossiers.$inferSelect;

/** Daily 4-digit sequence per receiving agency, for dossier codes. */
export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('dossier_sequences_agency_code_day_idx').on(t.agencyCode, t.day)],
);

/**
 * What was submitted, as received: the applicant and the form stay here and in the projection,
 * never in workflow payloads (histories carry ids, not documents). The optional Idempotency-Key
 * with a hash of the request makes a retried submission return the same dossier.
 */
export const submissions = pgTable('submissions', {
  dossierCode: text('dossier_code').primaryKey(),
  idempotencyKey: text('idempotency_key').unique(),
  requestHash: text('request_hash').notNull(),
  procedureCode: text('procedure_code').notNull(),
  agencyCode: text('agency_code').notNull(),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  applicant: jsonb('applicant').$type<Applicant>().notNull(),
  applicantUserId: text('applicant_user_id'),
  form: jsonb('form').$type<Record<string, unknown>>().notNull(),
  attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
  submittedBy: jsonb('submitted_by').$type<Actor>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set once Temporal has accepted the dossier's workflow; still null means the sweeper must start it. */
  workflowStartedAt: timestamp('workflow_started_at', { withTimezone: true }),
}, (t) => [index('submissions_unstarted_idx').on(t.createdAt).where(sql`${t.workflowStartedAt} is null`)]);
