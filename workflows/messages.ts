import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionRequest } from '../domain/actions';
import type { CalendarOverride } from '../domain/calendar';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import type { Actor } from '../domain/actor';
import type { Channel, ProcedureRules } from '../domain/procedure-rules';

/** Task queue of the dossier workers. */
export const TASK_QUEUE = 'dossiers';

export interface DossierWorkflowInput {
  code: string;
  procedureCode: string;
  /**
   * The rules of the procedure version the dossier was submitted under, pinned for its whole life
   * (carried by continue-as-new). Absent in dossiers started before versioning: the workflow then
   * uses the frozen version-1 rules (workflows/legacy-rules.ts).
   */
  rules?: ProcedureRules;
  channel: Channel;
  agencyCode: string;
  applicantUserId: string | null;
  submittedBy: Actor;
  /**
   * The state so far: carried over by continue-as-new, or the submission already recorded by the
   * API (state after the 'submit' event). Absent in dossiers started before the API recorded
   * submissions itself: the workflow then makes and records the submission.
   */
  state?: DossierState;
  /** The calendar overrides the API computed the submission with; absent → loaded by activity. */
  calendarOverrides?: CalendarOverride[];
  /** A change set aside by `record-failed`, awaiting an administrator's repair, carried over by continue-as-new. */
  setAside?: { pending: { event: DossierEvent; state: DossierState }; failedAtSeq: number };
}

export interface ActRequest {
  actor: Actor;
  request: ActionRequest;
}

/** An administrator's repair of a dossier whose change could not be recorded (docs/operations.md). */
export interface RepairRequest {
  actor: Actor;
  /** retry: record the set-aside change again (after a fix); close: drop it for good. */
  mode: 'retry' | 'close';
  reason: string;
}

/** ApplicationFailure type of an activity's data error (PostgreSQL SQLSTATE class 22/23): retrying cannot help. */
export const DATA_ERROR = 'data-error';

export interface PaymentNotice {
  transactionId: string;
  amount: number;
  paidAt: string;
}

/** An officer's or citizen's action; the validator refuses it with a reason before anything is written. */
export const actUpdate = defineUpdate<DossierState, [ActRequest]>('act');
/** Resolves once the events so far are recorded in PostgreSQL, with the state. */
export const syncedUpdate = defineUpdate<DossierState, []>('synced');
/** A confirmed payment from the gateway; idempotent per transaction id. */
export const paymentSignal = defineSignal<[PaymentNotice]>('payment');
/** Repairs a stuck dossier (a `record-failed` change); resolves once the repair is recorded. */
export const repairUpdate = defineUpdate<DossierState, [RepairRequest]>('repair');
export const stateQuery = defineQuery<DossierState>('state');
