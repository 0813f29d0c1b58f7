import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { emit } from '../domain/lifecycle/reduce';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import { SYSTEM_ACTOR } from '../domain/actor';
import { DATA_ERROR, type RepairRequest } from './messages';

type Pending = { event: DossierEvent; state: DossierState };

/** The change set aside by a `record-failed` event, kept for an administrator's repair. */
export interface SetAside {
  pending: Pending;
  /** Seq of the `record-failed` event: a retry is only safe while nothing has happened since. */
  failedAtSeq: number;
}

/** The activity's data error (activities/data-errors.ts), or undefined for any other failure. */
export function dataFailureOf(err: unknown): { message: string; sqlState: string | null } | undefined {
  // A local activity's failure may reach the workflow unwrapped; a remote one's inside an ActivityFailure.
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (!(cause instanceof ApplicationFailure) || cause.type !== DATA_ERROR) return undefined;
  const details = cause.details?.[0] as { sqlState?: unknown } | undefined;
  return { message: cause.message, sqlState: typeof details?.sqlState === 'string' ? details.sqlState : null };
}

/**
 * The `record-failed` event for a change PostgreSQL refused: made from the last recorded state
 * (so it carries nothing of the refused data and is itself storable), with the failure's code
 * and our own description. It takes the refused event's sequence number: the trail has no gap.
 */
export function recordFailedEvent(lastRecorded: DossierState, failed: Pending, failure: { message: string; sqlState: string | null }, now: number): Pending {
  return emit(lastRecorded, lastRecorded, 'record-failed', SYSTEM_ACTOR, now, {
    failedType: failed.event.type,
    failedSeq: failed.event.seq,
    errorType: DATA_ERROR,
    sqlState: failure.sqlState,
    message: failure.message,
  });
}

/**
 * An administrator's repair, decided: the `repaired` event, then for `retry` the set-aside change
 * again, renumbered after it. Refused (non-retryable, with the API's refusal codes) when nothing
 * is set aside, or when a retry would apply a change computed from a state that has moved on.
 */
export function decideRepair(state: DossierState, setAside: SetAside | undefined, req: RepairRequest, now: number): Pending[] {
  if (req.actor.role !== 'admin') throw ApplicationFailure.nonRetryable('only an administrator repairs a dossier', 'forbidden');
  if (req.reason.trim().length < 3) throw ApplicationFailure.nonRetryable('a reason of at least 3 characters is required', 'invalid-body');
  if (!setAside) throw ApplicationFailure.nonRetryable('the dossier has no change set aside to repair', 'illegal-transition');
  if (req.mode === 'retry' && state.seq !== setAside.failedAtSeq) {
    throw ApplicationFailure.nonRetryable('the dossier has changed since the failure: close it with a reason, and let the change be made again', 'illegal-transition');
  }
  const { event } = setAside.pending;
  const repaired = emit(state, state, 'repaired', req.actor, now, { mode: req.mode, reason: req.reason.trim(), failedType: event.type, failedSeq: event.seq });
  if (req.mode === 'close') return [repaired];
  const seq = repaired.state.seq + 1;
  const again: Pending = { event: { ...event, seq, at: now }, state: { ...setAside.pending.state, seq } };
  return [repaired, again];
}
