import type { ProcedureRules } from '../procedure-rules';
import type { WorkingCalendar } from './calendar-port';
import type { Ctx } from './ctx';
import { fire, kindsOf, type Timer } from './stages';
import type { DossierEvent, DossierState } from './state';

export type { Timer, TimerKind } from './stages';

/** The timers that can fire in the dossier's current state, earliest first: each kind present says its own. */
export function pendingTimers(s: DossierState, p: ProcedureRules, cal: WorkingCalendar): Timer[] {
  return kindsOf(p).flatMap((k) => k.timers?.(s, p, cal) ?? []).sort((a, b) => a.at - b.at);
}

/**
 * What a fired timer does, as the kind that set it says: reminders and escalations only add an
 * event (and a notice); an expired wait on the citizen cancels the dossier; `rating-closed`
 * emits nothing and only ends the workflow.
 */
export function fireTimer(s: DossierState, t: Timer, ctx: Ctx): { state: DossierState; event: DossierEvent } | null {
  return fire(s, t, ctx);
}

/** A dossier's workflow may end once it is final and nothing more can come (rating window over). */
export function isClosed(s: DossierState, now: number, p: ProcedureRules, cal: WorkingCalendar): boolean {
  if (s.status === 'DELIVERED') return s.rating !== null || pendingTimers(s, p, cal).every((t) => t.at <= now);
  return s.finishedAt !== null;
}
