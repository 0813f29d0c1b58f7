import type { Action } from '../actions';
import { payBeforeReview, stageOf, type ProcedureRules } from '../procedure-rules';
import type { Actor, Role } from '../actor';
import type { Status } from '../status';
import type { DossierState } from './state';
import { actingAgencyOf, isWalkIn, walkInRefusal } from './walk-in';

/** Which actions a dossier in each status can take at all (the first gate). */
export const ACTIONS_BY_STATUS = {
  SUBMITTED: ['receive', 'not-accept', 'withdraw'],
  RECEIVED: ['assign', 'forward', 'not-accept', 'withdraw', 'extend'],
  IN_REVIEW: ['assign', 'verify', 'request-supplement', 'reject', 'withdraw', 'extend'],
  NEEDS_SUPPLEMENT: ['supplement', 'withdraw'],
  AWAITING_PAYMENT: ['record-payment', 'withdraw'],
  AWAITING_APPROVAL: ['approve', 'reject', 'extend'],
  RESULT_READY: ['return', 'deliver', 'extend'],
  DELIVERED: ['rate'],
  NOT_ACCEPTED: [],
  REJECTED: [],
  WITHDRAWN: [],
  CANCELLED: [],
} as const satisfies Record<Status, readonly Action[]>;

/** Who may take each action (the second gate). */
export const ACTION_ROLES = {
  receive: ['desk-officer'],
  'not-accept': ['desk-officer'],
  'request-supplement': ['specialist'],
  supplement: ['citizen', 'desk-officer'],
  assign: ['desk-officer', 'leader'],
  verify: ['specialist'],
  forward: ['desk-officer'],
  return: ['desk-officer', 'specialist', 'leader'],
  approve: ['leader'],
  reject: ['leader'],
  'record-payment': ['desk-officer'],
  deliver: ['desk-officer'],
  withdraw: ['citizen'],
  extend: ['leader'],
  rate: ['citizen'],
} as const satisfies Record<Action, readonly Role[]>;

type Guard = (s: DossierState, p: ProcedureRules) => string | null;

const atReceivingDesk: Guard = (s) =>
  s.agencyCode === s.receivingAgencyCode ? null : 'only the receiving agency can do this';
const atDecidingAgency: Guard = (s, p) =>
  p.level === 'province' && s.agencyCode === s.receivingAgencyCode
    ? 'this procedure is decided at province level: forward it first'
    : null;

/** Procedure- and state-specific rules (the third gate); a string is the refusal reason. */
const GUARDS: Partial<Record<Action, Guard>> = {
  assign: atDecidingAgency,
  forward: (s, p) =>
    p.level !== 'province'
      ? 'this procedure is decided by the receiving agency; nothing to forward'
      : s.forwarded
        ? 'the dossier has already been forwarded'
        : atReceivingDesk(s, p),
  'request-supplement': (s) => (s.supplementRequested ? 'a supplement may be requested only once per dossier' : null),
  return: (s) => (s.agencyCode === s.receivingAgencyCode ? 'the result is already at the receiving agency' : null),
  deliver: atReceivingDesk,
  'not-accept': atReceivingDesk,
  extend: (s) =>
    s.extended ? 'the appointment date may be reset only once' : s.dueAt === null ? 'no appointment date yet' : null,
  rate: (s) => (s.rating ? 'the service has already been rated' : null),
  'record-payment': (s, p) => (stageOf(p, 'pay') && !s.paid ? null : 'no fee is due'),
  withdraw: (s, p) =>
    s.status === 'AWAITING_PAYMENT' && !payBeforeReview(p) ? 'the dossier has been examined; it cannot be withdrawn now' : null,
};

export type Refusal = { code: 'illegal-transition' | 'forbidden' | 'rule'; reason: string };

/** Why `actor` may not take `action` now, or null when it may. The API and the workflow both ask. */
export function refusalOf(
  s: DossierState,
  p: ProcedureRules,
  actor: Actor,
  action: Action,
): Refusal | null {
  const now = ACTIONS_BY_STATUS[s.status] as readonly Action[];
  if (!now.includes(action)) {
    const allowed = now.length ? now.join(', ') : 'none (the dossier is closed)';
    return { code: 'illegal-transition', reason: `'${action}' is not allowed in status ${s.status}; allowed now: ${allowed}` };
  }
  if (!(ACTION_ROLES[action] as readonly Role[]).includes(actor.role) && !isWalkIn(actor, action)) {
    return { code: 'forbidden', reason: `'${action}' is for ${ACTION_ROLES[action].join(' or ')}, not ${actor.role}` };
  }
  const at = actingAgencyOf(s, actor, action);
  if (actor.role !== 'citizen' && actor.agencyCode !== at) {
    return { code: 'forbidden', reason: `the dossier is at agency ${at}, not ${actor.agencyCode ?? 'none'}` };
  }
  const walkIn = walkInRefusal(s, actor, action);
  if (walkIn) return { code: 'forbidden', reason: walkIn };
  const reason = GUARDS[action]?.(s, p) ?? null;
  return reason ? { code: 'illegal-transition', reason } : null;
}

export function allowedActions(s: DossierState, p: ProcedureRules, actor: Actor): Action[] {
  return (ACTIONS_BY_STATUS[s.status] as readonly Action[]).filter((a) => refusalOf(s, p, actor, a) === null);
}
