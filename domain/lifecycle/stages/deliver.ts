import type { ActionBodies } from '../../actions';
import { stageOf, type ProcedureRules } from '../../procedure-rules';
import { finish } from '../clock';
import { rule, type Refusal } from '../ctx';
import { HOUR } from '../reminders';
import { atReceivingDesk } from './guards';
import type { StageKind } from './kind';

/**
 * The result is ready (the clock stops there, clock.ts `reachResult`) and is handed over at the
 * receiving desk; the citizen may then rate the service until the stage's rating window closes.
 * How it may be handed over follows the result's kind (procedure-rules.ts `ResultKind`).
 */
export const deliver: StageKind = {
  name: 'deliver',
  statuses: ['RESULT_READY', 'DELIVERED'],
  enter: (s) => ({ ...s, status: 'RESULT_READY' }),
  actions: {
    deliver: {
      in: ['RESULT_READY'],
      roles: ['desk-officer'],
      guard: atReceivingDesk,
      step: (s, b, ctx) => handOverRefusal(ctx.procedure, b) ?? finish(s, 'DELIVERED', ctx.now),
    },
    rate: {
      in: ['DELIVERED'],
      roles: ['citizen'],
      onBehalf: ['desk-officer'],
      guard: (s) => (s.rating ? 'the service has already been rated' : null),
      step: (s, b) => ({ ...s, rating: { score: b.score, ...(b.comment ? { comment: b.comment } : {}) } }),
    },
  },
  timers: (s, p) => {
    if (s.status !== 'DELIVERED' || s.rating || s.finishedAt === null) return [];
    const days = stageOf(p, 'deliver')?.ratingWindowDays ?? 30;
    return [{ kind: 'rating-closed', at: s.finishedAt + days * 24 * HOUR }];
  },
  // The window closing emits nothing: it only lets the workflow end.
  fire: { 'rating-closed': () => null },
};

/**
 * Why this hand-over does not fit the result: a paper original or a marriage certificate is
 * never "delivered online", and the certificate goes to both spouses, each named and identified.
 * Whether they are the dossier's spouses is the API's check (api/delivery-presence.ts): the
 * dossier's state does not carry the form.
 */
export function handOverRefusal(p: ProcedureRules, b: ActionBodies['deliver']): Refusal | null {
  const result = stageOf(p, 'deliver')?.result ?? 'electronic';
  if (result !== 'electronic' && b.method === 'online') {
    return rule(result === 'paper' ? 'the result is an original on paper: it is handed over at the desk' : 'the marriage certificate is handed to both spouses in person, at the desk');
  }
  if (result === 'in-person-both-spouses') {
    const ids = new Set((b.present ?? []).map((x) => x.idNumber));
    if (ids.size !== 2) return rule('both spouses must be present: record each one’s name and personal ID number as checked at the desk');
  }
  return null;
}
