import type { Action } from '../actions';
import type { ProcedureRules } from '../procedure-rules';
import type { Actor } from '../actor';
import type { Refusal } from './ctx';
import { absentReason, actionsNow, specOf } from './stages';
import type { ActionSpec } from './stages';
import type { DossierState } from './state';

export type { Refusal } from './ctx';
export { actionsByStatus } from './stages';

/**
 * Why `actor` may not take `action` now, or null when it may. The API and the workflow both ask.
 * The gates, in order: the action is a step of the procedure at all (its stage kinds, pinned in
 * `p`), it is offered in this status (and by the stage holding the dossier), the actor's role takes it, the dossier is at the actor's
 * agency (or the actor's agency is one the kind names: `by`), and the kind's own guard. A role that
 * takes it only for an applicant without an account (the spec's `onBehalf`, a walk-in) must be at
 * the receiving agency, and the applicant without one.
 */
export function refusalOf(s: DossierState, p: ProcedureRules, actor: Actor, action: Action): Refusal | null {
  const spec = specOf(p, action);
  if (!spec) return { code: 'illegal-transition', reason: absentReason(p, action) };
  const now = actionsNow(p, s);
  if (!now.includes(action)) {
    const allowed = now.length ? now.join(', ') : 'none (the dossier is closed)';
    return { code: 'illegal-transition', reason: `'${action}' is not allowed in status ${s.status}; allowed now: ${allowed}` };
  }
  const onBehalf = actsOnBehalf(spec, actor);
  if (!spec.roles.includes(actor.role) && !onBehalf) {
    return { code: 'forbidden', reason: `'${action}' is for ${spec.roles.join(' or ')}, not ${actor.role}` };
  }
  const at = onBehalf ? s.receivingAgencyCode : s.agencyCode;
  if (spec.by) {
    if (!spec.by(s, actor)) return { code: 'forbidden', reason: `'${action}' is not for agency ${actor.agencyCode ?? 'none'} now` };
  } else if (actor.role !== 'citizen' && actor.agencyCode !== at) {
    return { code: 'forbidden', reason: `the dossier is at agency ${at}, not ${actor.agencyCode ?? 'none'}` };
  }
  if (onBehalf && s.applicantUserId !== null) {
    return { code: 'forbidden', reason: `the applicant has an account: they take '${action}' themselves` };
  }
  const reason = spec.guard?.(s, p) ?? null;
  return reason ? { code: 'illegal-transition', reason } : null;
}

/** Whether `actor` takes the action for the applicant (the spec's `onBehalf`), not in a role of its own. */
export const actsOnBehalf = (spec: Pick<ActionSpec, 'roles' | 'onBehalf'>, actor: Actor): boolean =>
  !spec.roles.includes(actor.role) && (spec.onBehalf ?? []).includes(actor.role);

export function allowedActions(s: DossierState, p: ProcedureRules, actor: Actor): Action[] {
  return actionsNow(p, s).filter((a) => refusalOf(s, p, actor, a) === null);
}
