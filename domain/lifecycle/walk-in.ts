import type { Action } from '../action-names';
import type { Actor } from '../actor';
import { actsOnBehalf } from './rules';
import { specOfAny } from './stages';

/**
 * Walk-ins (docs/forms.md): an applicant without an account asks at the desk to withdraw the
 * dossier or to rate the service, and the receiving desk records it for them. Which actions and
 * which roles is the kinds' business (`onBehalf` on their specs: lifecycle.ts `withdraw`,
 * deliver.ts `rate`), and the gates of rules.ts apply it like the rest of a spec. The event keeps
 * the desk officer as its actor, so the trail says who wrote it down.
 *
 * This asks the same before the API has the dossier's rules (api/walk-in.ts marks the event):
 * a spec's roles are its kind's, whatever the procedure.
 */
export function isWalkIn(actor: Actor, action: Action): boolean {
  const spec = specOfAny(action);
  return spec !== null && actsOnBehalf(spec, actor);
}
