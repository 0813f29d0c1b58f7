import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assistedFilings, documents, dossierEvents, dossiers, payments, users } from '../db/schema';

const dossierCode = sql.placeholder('code');
const id = sql.placeholder('id');

/**
 * The reads every dossier page, trail and session check makes, each built once per database
 * handle instead of once per request: drizzle's query building (SQL chunks walked into a string,
 * the selection mapped) was the largest share of a read's CPU after JSON (docs/scaling.md).
 * PostgreSQL prepares them once per connection as before (the driver keys statements by text).
 */
function build(db: Db) {
  return {
    dossier: db.select().from(dossiers).where(eq(dossiers.code, dossierCode)).prepare('read_dossier'),
    attachments: db.select().from(documents).where(eq(documents.dossierCode, dossierCode)).orderBy(asc(documents.createdAt), asc(documents.id)).prepare('read_attachments'),
    userName: db.select({ fullName: users.fullName }).from(users).where(eq(users.id, id)).prepare('read_user_name'),
    assistedFiling: db.select().from(assistedFilings).where(eq(assistedFilings.dossierCode, dossierCode)).prepare('read_assisted_filing'),
    payments: db.select({ transactionId: payments.transactionId, amount: payments.amount }).from(payments).where(eq(payments.dossierCode, dossierCode)).prepare('read_payments'),
    paymentNotices: db
      .select({ data: dossierEvents.data })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierCode, dossierCode), eq(dossierEvents.type, 'payment-received')))
      .prepare('read_payment_notices'),
    events: db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, dossierCode)).orderBy(asc(dossierEvents.seq)).prepare('read_events'),
    sessionUser: db
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        role: users.role,
        agencyCode: users.agencyCode,
        tokenVersion: users.tokenVersion,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, id))
      .prepare('read_session_user'),
  };
}

export type PreparedReads = ReturnType<typeof build>;
const byDb = new WeakMap<Db, PreparedReads>();

/** The prepared reads of this database handle (built on first use). */
export function readsOf(db: Db): PreparedReads {
  let reads = byDb.get(db);
  if (!reads) byDb.set(db, (reads = build(db)));
  return reads;
}
