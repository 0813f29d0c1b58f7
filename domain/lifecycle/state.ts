import type { Actor } from '../actor';
import type { Channel, Deadline } from '../procedure-rules';
import type { Status } from '../status';
import type { Timeliness } from './timeliness';

/** Time one agency held the dossier, against its share of the deadline (liên thông). */
export interface AgencyShare {
  agencyCode: string;
  enteredAt: number;
  leftAt: number | null;
  dueAt: number | null;
  /** A hop of the repeatable hand-off: the agency that forwarded it here, and the share it chose (null: what remains). */
  from?: string;
  shareWorkingDays?: number | null;
  /** The hop's own reminder and escalation were sent (stages/handoff-route.ts). */
  reminded?: boolean;
  escalated?: boolean;
}

/**
 * Everything the workflow knows about a dossier. Pure data (epoch ms, no Dates) so it is
 * deterministic, serialises into Temporal payloads and the projection's `state` column, and
 * lets the API compute allowed actions with the very rules the workflow validates against.
 */
export interface DossierState {
  code: string;
  procedureCode: string;
  procedureVersion: number;
  status: Status;
  channel: Channel;
  applicantUserId: string | null;
  receivingAgencyCode: string;
  agencyCode: string;
  assigneeId: string | null;
  submittedAt: number;
  /**
   * The deadline this dossier runs on, chosen at submission from its channel and its commune's
   * category (domain/deadline-choice.ts) and never recomputed. Absent on older dossiers, which
   * run on their pinned rules' `deadline`.
   */
  deadline?: Deadline;
  receivedAt: number | null;
  /** Start of the current processing period (reset when a supplement completes the file). */
  clockStartAt: number | null;
  /** The appointment shown to the citizen (an apology's `extend` moves it). */
  dueAt: number | null;
  /**
   * The due date the clock set when it last (re)started, moved only by a fee wait; an extension
   * never moves it, so a late dossier stays late (docs/decision-766.md). Absent on dossiers whose
   * clock started before it was kept.
   */
  originalDueAt?: number | null;
  stageDueAt: number | null;
  extended: boolean;
  supplementRequested: boolean;
  supplementDueAt: number | null;
  missing: string[];
  fee: number;
  paid: boolean;
  paymentDueAt: number | null;
  /** When the fee was requested after review: the office's clock stops until it is paid. */
  paymentRequestedAt?: number | null;
  transactionIds: string[];
  verified: boolean;
  forwarded: boolean;
  shares: AgencyShare[];
  reminders: string[];
  escalated: boolean;
  /** Online dossiers: when the reception deadline passes unreceived (absent on older dossiers). */
  receptionDueAt?: number | null;
  receptionEscalated?: boolean;
  /** When the result was ready: the processing clock stops there (absent on older dossiers). */
  resultReadyAt?: number | null;
  /** The agency that made the result ready (the deciding one, before a hand-off returns it). */
  resultAgencyCode?: string | null;
  /** Set with `resultReadyAt`, against `originalDueAt`; null without a due date. */
  timeliness?: Timeliness | null;
  /**
   * Asked at reception to complete the file (form 02): until `completedAt`, the dossier is not
   * received and no clock runs. Asked once (Decree 61/2018 art. 19). Absent on older dossiers.
   */
  completion?: { missing: string[]; requestedAt: number; completedAt: number | null } | null;
  /** A lawful verification (the `verify` stage) that extended the deadline without an apology. */
  verification?: { days: number; unit: 'working-days' | 'calendar-days'; at: number } | null;
  /**
   * The stage holding the dossier when it is one whose own actions replace the status's (a public
   * posting): its index in the pinned stage list and its kind. Absent or null otherwise.
   */
  stage?: { index: number; kind: 'post' | 'inspect' | 'consult' | 'tax' } | null;
  /** A public posting: its days, and the objections recorded meanwhile. */
  posting?: { startedAt: number; endsAt: number; objections: { at: number; note: string; from?: string }[] } | null;
  /** A site inspection: every visit scheduled (the last one stands), then its minutes. */
  inspection?: Inspection | null;
  /** Opinions asked of other agencies: who was asked, by when, and what each answered. */
  consultation?: { asks: OpinionAsk[] } | null;
  /**
   * Financial obligations (the `tax` stage): the slip sent to the tax office, its notice, and the
   * payment or exemption; `excludedMinutes` is the working time the wait took out of the
   * processing time (from sending to settling), by which every due time moved on.
   */
  tax?: {
    enteredAt: number;
    sentAt: number | null;
    slipNo: string | null;
    noticedAt: number | null;
    noticeNo: string | null;
    amount: number | null;
    settledAt: number | null;
    receiptNo: string | null;
    exemption: string | null;
    remindedAt: number | null;
    excludedMinutes: number;
  } | null;
  /** The office's clock is paused by a stage since then (a posting that pauses it); due times move on by the pause. */
  pausedAt?: number | null;
  rating: { score: number; comment?: string } | null;
  finishedAt: number | null;
  /** Number of events emitted so far; the next event's sequence number is seq + 1. */
  seq: number;
}

/** An uploaded document a step refers to (api/attachment-records.ts checks it is the caller's). */
export interface DocumentRef {
  id: string;
  name: string;
  sha256?: string;
}

export interface Inspection {
  visits: { at: number; place: string; scheduledAt: number }[];
  minutes: { document: DocumentRef; outcome: 'conforms' | 'deviates'; note?: string; at: number } | null;
}

/**
 * One agency asked for its opinion. `answer` is null while it is awaited; `no-answer` is recorded
 * by the due-time timer, and `deemedAgreed` says whether the procedure's law counts silence as
 * agreement (the stage's `silence`).
 */
export interface OpinionAsk {
  agencyCode: string;
  question: string;
  askedAt: number;
  dueAt: number;
  remindAt: number;
  reminded: boolean;
  answer:
    | { opinion: 'agree' | 'disagree' | 'conditions'; note?: string; document?: DocumentRef; at: number; by: string }
    | { opinion: 'no-answer'; deemedAgreed: boolean; at: number }
    | null;
}

export type EventType =
  | 'submit'
  | 'receive'
  | 'request-completion'
  | 'complete'
  | 'not-accept'
  | 'request-supplement'
  | 'supplement'
  | 'record-objection'
  /** A public posting's days are over: the dossier moves on to its next stage. */
  | 'posting-ended'
  | 'schedule-inspection'
  | 'record-inspection'
  | 'request-opinions'
  | 'record-opinion'
  /** A consulted agency's answer is due soon: a reminder to that agency. */
  | 'opinion-reminder'
  /** A consulted agency did not answer by its due time: recorded as no answer (or deemed agreement). */
  | 'opinion-overdue'
  | 'send-to-tax'
  | 'record-tax-notice'
  | 'record-tax-payment'
  /** The applicant has not paid the tax notice within the stage's days: the office is told. */
  | 'tax-unpaid'
  | 'assign'
  | 'verify'
  | 'require-verification'
  | 'forward'
  | 'return'
  | 'approve'
  | 'reject'
  | 'record-payment'
  | 'payment-received'
  | 'deliver'
  | 'withdraw'
  | 'extend'
  | 'rate'
  | 'reminder'
  | 'escalation'
  | 'cancel'
  /** A change PostgreSQL refused to store was set aside; the dossier goes on from its last recorded state. */
  | 'record-failed'
  /** An administrator's repair of a `record-failed` dossier: the change retried, or set aside for good. */
  | 'repaired';

/** One entry of the audit trail, produced by the reducer, recorded by an activity. */
export interface DossierEvent {
  seq: number;
  type: EventType;
  actor: Actor;
  at: number;
  fromStatus: Status | null;
  toStatus: Status;
  agencyCode: string;
  data: Record<string, unknown>;
}
