import type { Action } from '../action-names';
import type { Actor } from '../actor';
import type { DossierState } from './state';

/**
 * Walk-ins (docs/forms.md): an applicant without an account asks at the desk to withdraw the
 * dossier or to rate the service, and the receiving desk records it for them. The event keeps the
 * desk officer as its actor, so the trail says who wrote it down.
 */
export const WALK_IN_ACTIONS: readonly Action[] = ['withdraw', 'rate'];

/** A desk officer taking one of the applicant's own actions for them. */
export const isWalkIn = (actor: Actor, action: Action): boolean =>
  actor.role === 'desk-officer' && WALK_IN_ACTIONS.includes(action);

/**
 * The agency an officer must belong to: the desk that received the dossier for a walk-in (the
 * applicant comes back where they filed, wherever the file is now), else the agency holding it.
 */
export const actingAgencyOf = (s: DossierState, actor: Actor, action: Action): string =>
  isWalkIn(actor, action) ? s.receivingAgencyCode : s.agencyCode;

/** An applicant with an account acts for themselves: the desk records only for those without one. */
export function walkInRefusal(s: DossierState, actor: Actor, action: Action): string | null {
  if (!isWalkIn(actor, action)) return null;
  return s.applicantUserId === null ? null : 'the applicant has an account: they withdraw or rate the service themselves';
}
