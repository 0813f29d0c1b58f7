import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionRequest } from '../domain/actions';
import type { CalendarOverride } from '../domain/calendar';
import type { DossierState } from '../domain/lifecycle/state';
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
}

export interface ActRequest {
  actor: Actor;
  request: ActionRequest;
}

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
export const stateQuery = defineQuery<DossierState>('state');
