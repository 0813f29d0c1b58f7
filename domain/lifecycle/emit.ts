import type { Actor } from '../actor';
import type { DossierEvent, DossierState, EventType } from './state';

/** Builds the event that moves `s` to `next`, and the state with the event counted. */
export function emit(
  s: DossierState,
  next: DossierState,
  type: EventType,
  actor: Actor,
  now: number,
  data: Record<string, unknown> = {},
): { state: DossierState; event: DossierEvent } {
  const seq = s.seq + 1;
  const state = { ...next, seq };
  const event: DossierEvent = { seq, type, actor, at: now, fromStatus: s.seq === 0 ? null : s.status, toStatus: state.status, agencyCode: state.agencyCode, data };
  return { state, event };
}
