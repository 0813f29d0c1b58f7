import { SYSTEM_ACTOR } from '../../actor';
import { finish } from '../clock';
import { emit } from '../emit';
import { ONLINE_RECEPTION_WORKING_HOURS } from '../timeliness';
import { atReceivingDesk } from './guards';
import type { DossierState } from '../state';
import type { StageKind } from './kind';

/**
 * Reception at the one-stop desk: the desk officer receives the dossier (the clock starts when the
 * next stage does), refuses it (form 03), or asks once for the file to be completed (form 02):
 * until it is, the dossier is not received, no clock runs, and the reception deadline waits too.
 * An online dossier left unreceived past its reception deadline escalates once
 * (docs/decision-766.md, "Reception deadline").
 */
export const receive: StageKind = {
  name: 'receive',
  statuses: ['SUBMITTED', 'RECEIVED', 'NOT_ACCEPTED'],
  actions: {
    receive: {
      in: ['SUBMITTED'],
      roles: ['desk-officer'],
      guard: (s) => (awaitingCompletion(s) ? 'the applicant has been asked to complete the file (form 02); receive it once completed' : null),
      step: (s, _b, ctx) => ({ done: { ...s, receivedAt: ctx.now } }),
    },
    'request-completion': {
      in: ['SUBMITTED'],
      roles: ['desk-officer'],
      // The desk says everything missing at once (Decree 61/2018 art. 19): no second request.
      guard: (s, p) => (s.completion ? 'completion of the file may be requested only once' : atReceivingDesk(s, p)),
      step: (s, b, ctx) => ({ ...s, completion: { missing: b.missing, requestedAt: ctx.now, completedAt: null } }),
    },
    complete: {
      in: ['SUBMITTED'],
      roles: ['citizen', 'desk-officer'],
      guard: (s) => (awaitingCompletion(s) ? null : 'nothing has been asked to complete'),
      step: (s, _b, ctx) => {
        const completed = { ...s, completion: { ...s.completion!, completedAt: ctx.now } };
        // The reception deadline counts afresh from the completed file, as from a new submission.
        if (s.receptionDueAt == null) return completed;
        const receptionDueAt = ctx.calendar.addWorkingHours(ctx.calendar.receptionStart(ctx.now), ONLINE_RECEPTION_WORKING_HOURS);
        return { ...completed, receptionDueAt };
      },
    },
    'not-accept': {
      in: ['SUBMITTED', 'RECEIVED'],
      roles: ['desk-officer'],
      guard: atReceivingDesk,
      step: (s, _b, ctx) => finish(s, 'NOT_ACCEPTED', ctx.now),
    },
  },
  timers: (s) =>
    s.status === 'SUBMITTED' && s.receptionDueAt != null && !s.receptionEscalated && !awaitingCompletion(s)
      ? [{ kind: 'reception-overdue', at: s.receptionDueAt }]
      : [],
  fire: {
    // Once: the supervisor is told an online dossier waits unreceived past its reception deadline.
    'reception-overdue': (s, _t, { now }) =>
      emit(s, { ...s, receptionEscalated: true }, 'escalation', SYSTEM_ACTOR, now, {
        to: 'supervisor', kind: 'reception', agencyCode: s.agencyCode, dueAt: s.receptionDueAt,
      }),
  },
};

const awaitingCompletion = (s: DossierState) => s.completion != null && s.completion.completedAt === null;
