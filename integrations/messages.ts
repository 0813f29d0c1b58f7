import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import type { ProcedureDefinition } from '../domain/procedure';
import { PORTAL_STATUS_CODE, type Status } from '../domain/status';
import type { DirectSmsTemplate } from './sms-texts';
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
  /** A dossier's notice, or an SMS of no dossier event (integrations/sms-texts.ts). */
  template: CitizenTemplate | DirectSmsTemplate;
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
  // A visit scheduled or moved: the applicant is told when and where to be (the inspect stage).
  if (event.type === 'schedule-inspection') return 'inspection-scheduled';
  if (event.fromStatus !== event.toStatus) {
    if (event.toStatus === 'AWAITING_PAYMENT') return 'awaiting-payment';
    if (event.toStatus === 'RESULT_READY') return 'result-ready';
  }
  return null;
}

export function officerTemplate(event: DossierEvent): OfficerTemplate | null {
  return event.type === 'reminder' || event.type === 'escalation' || event.type === 'opinion-reminder' || event.type === 'tax-unpaid' ? event.type : null;
}

/**
 * The messages an event produces, decided from the event alone (so a retried activity decides
 * the same): a portal status sync for every status change of a portal-integrated procedure;
 * SMS and e-mail to the citizen at reception, supplement request, fee due, result ready,
 * extension (apology) and a site visit scheduled; an e-mail to the agency mailbox for reminders,
 * escalations and a tax notice left unpaid (`tax-unpaid`), and to an asked agency's before its
 * answer is due.
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
      visit: typeof event.data.at === 'string' && typeof event.data.place === 'string' ? { at: Date.parse(event.data.at), place: event.data.place } : undefined,
    });
    if (contact.phone) add('sms', { to: contact.phone, text: msg.sms, template: citizen } satisfies SmsPayload);
    if (contact.email) add('email', { to: contact.email, subject: msg.subject, text: msg.text, template: citizen } satisfies EmailPayload);
  }

  const officer = officerTemplate(event);
  if (officer) {
    // A consulted agency's reminder goes to that agency, not to the one holding the dossier.
    const to = officer === 'opinion-reminder' && typeof event.data.agencyCode === 'string' ? event.data.agencyCode : event.agencyCode;
    const msg = render(officer, {
      dossierCode: state.code,
      procedureName,
      // A reception escalation's deadline is the reception deadline, not the processing one.
      dueAt: (event.data.kind === 'reception' || officer === 'opinion-reminder') && typeof event.data.dueAt === 'number' ? event.data.dueAt : state.dueAt,
      agencyCode: to,
      reminderKind: typeof event.data.kind === 'string' ? event.data.kind : undefined,
      taxNoticeNo: typeof event.data.noticeNo === 'string' ? event.data.noticeNo : undefined,
    });
    add('officer-email', { agencyCode: to, subject: msg.subject, text: msg.text, template: officer } satisfies OfficerEmailPayload);
  }
  return out;
}

/** Whether `messagesFor` will need the applicant's phone and e-mail for this event. */
export const needsContact = (event: DossierEvent) => citizenTemplate(event) !== null;
