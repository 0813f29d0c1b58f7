import { SYSTEM_ACTOR } from '../../actor';
import { finish } from '../clock';
import { emit } from '../emit';
import { atReceivingDesk } from './guards';
import type { StageKind } from './kind';

/**
 * Reception at the one-stop desk: the desk officer receives the dossier (the clock starts when the
 * next stage does) or refuses it (form 03). An online dossier left unreceived past its reception
 * deadline escalates once (docs/decision-766.md, "Reception deadline").
 */
export const receive: StageKind = {
  name: 'receive',
  statuses: ['SUBMITTED', 'RECEIVED', 'NOT_ACCEPTED'],
  actions: {
    receive: {
      in: ['SUBMITTED'],
      roles: ['desk-officer'],
      step: (s, _b, ctx) => ({ done: { ...s, receivedAt: ctx.now } }),
    },
    'not-accept': {
      in: ['SUBMITTED', 'RECEIVED'],
      roles: ['desk-officer'],
      guard: atReceivingDesk,
      step: (s, _b, ctx) => finish(s, 'NOT_ACCEPTED', ctx.now),
    },
  },
  timers: (s) =>
    s.status === 'SUBMITTED' && s.receptionDueAt != null && !s.receptionEscalated ? [{ kind: 'reception-overdue', at: s.receptionDueAt }] : [],
  fire: {
    // Once: the supervisor is told an online dossier waits unreceived past its reception deadline.
    'reception-overdue': (s, _t, { now }) =>
      emit(s, { ...s, receptionEscalated: true }, 'escalation', SYSTEM_ACTOR, now, {
        to: 'supervisor', kind: 'reception', agencyCode: s.agencyCode, dueAt: s.receptionDueAt,
      }),
  },
};
