// The projection store: it writes a dossier's row, its hash-chained events and their outbox
// messages (only ./stuck-marks.ts also touches the row, for its stuck columns). It sits in
// activities/, not db/, because it is a side effect built on the audit chain (./audit) and the
// outbox's messages (integrations/), which db/ does not know. Its callers: the recordEvent
// activity, the API's submission and the administrator's repair (docs/architecture.md, "Where a
// dossier is written").
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { dossierEvents, dossiers, outbox, submissions, type DossierRow } from '../db/schema';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import { foldVietnamese } from '../domain/text';
import { messagesFor, needsContact } from '../integrations/messages';
import { getProcedure } from '../procedures';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit/chain';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The projection columns that follow from the workflow's state. */
function projected(state: DossierState, event: DossierEvent) {
  return {
    status: state.status,
    agencyCode: state.agencyCode,
    assigneeId: state.assigneeId,
    receivedAt: iso(state.receivedAt),
    dueAt: iso(state.dueAt),
    stageDueAt: iso(state.stageDueAt),
    finishedAt: iso(state.finishedAt),
    fee: state.fee,
    paid: state.paid,
    rating: state.rating?.score ?? null,
    timeliness: state.timeliness ?? null,
    resultAgencyCode: state.resultAgencyCode ?? null,
    state,
    lastSeq: event.seq,
    updatedAt: new Date(event.at),
  };
}

/**
 * The stuck columns an event sets (docs/operations.md, "Stuck dossiers"): `record-failed` marks
 * the dossier until a `repaired` event; any other recorded event ends a `retrying` mark, since
 * recording works again.
 */
function stuckMark(event: DossierEvent) {
  if (event.type === 'record-failed') {
    const d = event.data as { failedType?: string; failedSeq?: number; message?: string };
    return { stuckAt: new Date(event.at), stuckKind: 'record-failed' as const, stuckReason: `${d.failedType} (event ${d.failedSeq}) not recorded: ${d.message}` };
  }
  if (event.type === 'repaired') return { stuckAt: null, stuckKind: null, stuckReason: null };
  const retrying = sql`${dossiers.stuckKind} = 'retrying'`;
  return {
    stuckAt: sql`case when ${retrying} then null else ${dossiers.stuckAt} end`,
    stuckKind: sql`case when ${retrying} then null else ${dossiers.stuckKind} end`,
    stuckReason: sql`case when ${retrying} then null else ${dossiers.stuckReason} end`,
  };
}

/**
 * Appends one workflow event to the hash-chained audit trail, projects the dossier's state and
 * writes the messages it announces to the outbox (portal sync, citizen SMS/e-mail, officer
 * e-mail), in one transaction. Safe to retry: an event already stored (same dossier and seq) is
 * a no-op, the projection never moves backwards (last_seq guard), and outbox rows are unique per
 * (dossier, seq, channel) with ON CONFLICT DO NOTHING.
 */
export async function recordEvent(db: Db, input: { event: DossierEvent; state: DossierState }): Promise<void> {
  await db.transaction((tx) => recordEventIn(tx, input));
}

/** recordEvent inside a transaction the caller owns. */
export async function recordEventIn(tx: Tx, input: { event: DossierEvent; state: DossierState }): Promise<void> {
  const { event, state } = input;
  const seen = await prepared(
    tx.select({ seq: dossierEvents.seq }).from(dossierEvents).where(and(eq(dossierEvents.dossierCode, state.code), eq(dossierEvents.seq, event.seq))),
    'dossier_event_seen',
  );
  if (seen.length > 0) return;

  let prevHash = GENESIS_HASH;
  if (event.seq > 1) {
    const prev = await prepared(
      tx.select({ hash: dossierEvents.hash }).from(dossierEvents).where(and(eq(dossierEvents.dossierCode, state.code), eq(dossierEvents.seq, event.seq - 1))),
      'dossier_event_prev_hash',
    );
    if (!prev[0]) throw new Error(`event ${event.seq - 1} of ${state.code} is not recorded yet`);
    prevHash = prev[0].hash;
  }
  if (event.type === 'submit') {
    const [sub] = await tx.select().from(submissions).where(eq(submissions.dossierCode, state.code));
    if (!sub) throw new Error(`no submission stored for ${state.code}`);
    await insertSubmitted(tx, input, sub, prevHash);
    return;
  }
  await appendEvent(tx, input, prevHash);
  const extra: Record<string, unknown> = {};
  if (event.type === 'supplement' && event.data.form) extra.form = sql`${dossiers.form} || ${JSON.stringify(event.data.form)}::jsonb`;
  if (event.type === 'payment-received' && state.paid && !event.data.ignored) extra.paidOnline = true;
  // A handful of shapes (the stuck mark's three, the two extras): fine to prepare.
  await prepared(
    tx
      .update(dossiers)
      .set({ ...projected(state, event), ...extra, ...stuckMark(event) })
      .where(and(eq(dossiers.code, state.code), lt(dossiers.lastSeq, event.seq))),
    'dossier_project',
  );
  let contact: { phone: string | null; email: string | null } | null = null;
  if (needsContact(event)) {
    const [row] = await tx
      .select({ phone: dossiers.applicantPhone, email: dossiers.applicantEmail })
      .from(dossiers)
      .where(eq(dossiers.code, state.code));
    contact = row ?? null;
  }
  await writeOutbox(tx, event, state, contact);
}

/**
 * The API's submission, in the transaction that has just claimed the dossier's code and inserted
 * its submission row: nothing of this dossier can be stored yet, and the submission is the one in
 * hand, so neither is read back (two statements fewer than recordEventIn). Returns the dossier row.
 */
export async function recordSubmissionIn(tx: Tx, input: { event: DossierEvent; state: DossierState }, sub: SubmissionFields): Promise<DossierRow> {
  if (input.event.type !== 'submit' || input.event.seq !== 1) throw new Error(`recordSubmissionIn takes a first 'submit' event, not ${input.event.type} #${input.event.seq}`);
  const row = await insertSubmitted(tx, input, sub, GENESIS_HASH);
  if (!row) throw new Error(`dossier ${input.state.code} was already recorded`);
  return row;
}

/** What the dossier row takes from its submission. */
type SubmissionFields = Pick<typeof submissions.$inferSelect, 'applicant' | 'applicantUserId' | 'submittedBy' | 'form'>;

/** The dossier row, then its first event and messages; the row, or undefined when it was there already. */
async function insertSubmitted(tx: Tx, input: { event: DossierEvent; state: DossierState }, sub: SubmissionFields, prevHash: string): Promise<DossierRow | undefined> {
  const { event, state } = input;
  // The dossier row first: its events refer to it (foreign key, db/schema/dossier-events.ts).
  const [row] = await prepared(
    tx
      .insert(dossiers)
      .values({
        code: state.code,
        procedureCode: state.procedureCode,
        channel: state.channel,
        applicantName: sub.applicant.fullName,
        applicantIdNumber: sub.applicant.idNumber,
        applicantPhone: sub.applicant.phone,
        applicantEmail: sub.applicant.email ?? null,
        applicantAddress: sub.applicant.address ?? null,
        applicantUserId: sub.applicantUserId,
        // Filed by a helper for the citizen: the helper may read it (domain/ability.ts).
        helperUserId: sub.submittedBy.role === 'helper' ? sub.submittedBy.id : null,
        form: sub.form,
        receivingAgencyCode: state.receivingAgencyCode,
        searchText: foldVietnamese(`${state.code} ${sub.applicant.fullName}`),
        createdAt: new Date(state.submittedAt),
        ...projected(state, event),
      })
      .onConflictDoNothing()
      .returning(),
    'dossier_insert',
  );
  await appendEvent(tx, input, prevHash);
  await writeOutbox(tx, event, state, { phone: sub.applicant.phone, email: sub.applicant.email ?? null });
  return row;
}

/** Appends the event to the dossier's hash chain. */
async function appendEvent(tx: Tx, { event, state }: { event: DossierEvent; state: DossierState }, prevHash: string) {
  const fields: ChainedFields = {
    dossierCode: state.code,
    seq: event.seq,
    type: event.type,
    actorId: event.actor.id,
    actorRole: event.actor.role,
    actorAgencyCode: event.actor.agencyCode,
    agencyCode: event.agencyCode,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    data: event.data,
    at: new Date(event.at).toISOString(),
  };
  await prepared(
    tx.insert(dossierEvents).values({ ...fields, id: `${state.code}#${event.seq}`, at: new Date(event.at), prevHash, hash: chainHash(prevHash, fields) }),
    'dossier_event_append',
  );
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The event's outgoing messages, in the event's transaction (transactional outbox). */
async function writeOutbox(tx: Tx, event: DossierEvent, state: DossierState, contact: { phone: string | null; email: string | null } | null) {
  const rows = messagesFor({ event, state, procedure: getProcedure(state.procedureCode), contact });
  if (rows.length === 0) return;
  // One shape per number of rows, at most one row per channel: fine to prepare.
  await prepared(tx.insert(outbox).values(rows).onConflictDoNothing({ target: [outbox.dossierCode, outbox.eventSeq, outbox.channel] }), 'outbox_write');
}
