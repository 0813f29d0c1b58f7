import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import type { ProcedureDefinition } from '../domain/procedure';
import { PORTAL_STATUS_CODE, type Status } from '../domain/status';
import { CHANNELS, type Channel } from './channels';
import { render, type CitizenTemplate, type OfficerTemplate } from './templates';

export { CHANNELS, type Channel };

/** What the national portal receives for each status change (POST {PORTAL_BASE_URL}/dossier-status). */
export interface PortalPayload {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  statusCode: number;
  status: Status;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  eventSeq: number;
}
export interface SmsPayload {
  to: string;
  text: string;
  template: CitizenTemplate;
}
export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  template: CitizenTemplate;
}
export interface OfficerEmailPayload {
  agencyCode: string;
  subject: string;
  text: string;
  template: OfficerTemplate;
}
export type Payload = PortalPayload | SmsPayload | EmailPayload | OfficerEmailPayload;

export interface OutboxMessage {
  id: string;
  dossierCode: string;
  eventSeq: number;
  channel: Channel;
  payload: Payload;
}

/** The outbox id is also the Idempotency-Key the receiver sees. */
export const messageKey = (dossierCode: string, seq: number, channel: string) => `${dossierCode}:${seq}:${channel}`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Which notice, if any, the citizen gets for this event. */
export function citizenTemplate(event: DossierEvent): CitizenTemplate | null {
  if (event.type === 'receive' || (event.type === 'submit' && event.toStatus !== 'SUBMITTED')) return 'received';
  if (event.type === 'request-supplement') return 'supplement-requested';
  if (event.type === 'extend') return 'extended';
  if (event.fromStatus !== event.toStatus) {
    if (event.toStatus === 'AWAITING_PAYMENT') return 'awaiting-payment';
    if (event.toStatus === 'RESULT_READY') return 'result-ready';
  }
  return null;
}

export function officerTemplate(event: DossierEvent): OfficerTemplate | null {
  return event.type === 'reminder' || event.type === 'escalation' ? event.type : null;
}

/**
 * The messages an event produces, decided from the event alone (so a retried activity decides
 * the same): a portal status sync for every status change of a portal-integrated procedure;
 * SMS and e-mail to the citizen at reception, supplement request, fee due, result ready and
 * extension (apology); an e-mail to the agency mailbox for reminders and escalations.
 */
export function messagesFor(input: {
  event: DossierEvent;
  state: DossierState;
  procedure: Pick<ProcedureDefinition, 'code' | 'name' | 'portalIntegrated'> | undefined;
  /** The applicant's contact, looked up only when `needsContact` says so. */
  contact: { phone: string | null; email: string | null } | null;
}): OutboxMessage[] {
  const { event, state, procedure, contact } = input;
  const out: OutboxMessage[] = [];
  const add = (channel: Channel, payload: Payload) =>
    out.push({ id: messageKey(state.code, event.seq, channel), dossierCode: state.code, eventSeq: event.seq, channel, payload });

  if (procedure?.portalIntegrated && event.fromStatus !== event.toStatus) {
    add('portal', {
      dossierCode: state.code,
      procedureCode: state.procedureCode,
      agencyCode: state.agencyCode,
      statusCode: PORTAL_STATUS_CODE[state.status],
      status: state.status,
      receivedAt: iso(state.receivedAt),
      dueAt: iso(state.dueAt),
      finishedAt: iso(state.finishedAt),
      eventSeq: event.seq,
    } satisfies PortalPayload);
  }

  const procedureName = procedure?.name.vi ?? state.procedureCode;
  const citizen = citizenTemplate(event);
  if (citizen && contact) {
    const msg = render(citizen, {
      dossierCode: state.code,
      procedureName,
      dueAt: state.dueAt,
      fee: citizen === 'awaiting-payment' || state.status === 'AWAITING_PAYMENT' ? state.fee : undefined,
      missing: Array.isArray(event.data.missing) ? (event.data.missing as string[]) : undefined,
      note: typeof event.data.note === 'string' ? event.data.note : undefined,
      reason: typeof event.data.reason === 'string' ? event.data.reason : undefined,
    });
    if (contact.phone) add('sms', { to: contact.phone, text: msg.sms, template: citizen } satisfies SmsPayload);
    if (contact.email) add('email', { to: contact.email, subject: msg.subject, text: msg.text, template: citizen } satisfies EmailPayload);
  }

  const officer = officerTemplate(event);
  if (officer) {
    const msg = render(officer, {
      dossierCode: state.code,
      procedureName,
      // A reception escalation's deadline is the reception deadline, not the processing one.
      dueAt: event.data.kind === 'reception' && typeof event.data.dueAt === 'number' ? event.data.dueAt : state.dueAt,
      agencyCode: event.agencyCode,
      reminderKind: typeof event.data.kind === 'string' ? event.data.kind : undefined,
    });
    add('officer-email', { agencyCode: event.agencyCode, subject: msg.subject, text: msg.text, template: officer } satisfies OfficerEmailPayload);
  }
  return out;
}

/** Whether `messagesFor` will need the applicant's phone and e-mail for this event. */
export const needsContact = (event: DossierEvent) => citizenTemplate(event) !== null;
