import { stageOf } from '../../procedure-rules';
import { startClock } from '../clock';
import { cancelOnExpiry } from './expire';
import { atDecidingAgency } from './guards';
import type { StageKind } from './kind';
import { reject } from './reject';

/**
 * Examination by a specialist: assignment, the once-only supplement request (after which the
 * deadline is computed afresh from the completed file), and `verify`, which completes the stage.
 * A supplement not brought within the stage's limit cancels the dossier.
 */
export const review: StageKind = {
  name: 'review',
  statuses: ['IN_REVIEW', 'NEEDS_SUPPLEMENT', 'REJECTED'],
  clockRuns: true,
  // Unassigned, the dossier waits as RECEIVED for a leader to hand it to a specialist.
  enter: (s) => ({ ...s, status: s.assigneeId ? 'IN_REVIEW' : 'RECEIVED' }),
  actions: {
    assign: {
      in: ['RECEIVED', 'IN_REVIEW'],
      roles: ['desk-officer', 'leader'],
      guard: atDecidingAgency,
      step: (s, b) => ({ ...s, status: 'IN_REVIEW', assigneeId: b.assigneeId }),
    },
    verify: {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      step: (s) => ({ done: { ...s, verified: true } }),
    },
    'request-supplement': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      guard: (s) => (s.supplementRequested ? 'a supplement may be requested only once per dossier' : null),
      step: (s, b, ctx) => {
        const limit = stageOf(ctx.procedure, 'review')?.supplementLimitDays ?? 15;
        const supplementDueAt = ctx.calendar.addWorkingDays(ctx.calendar.receptionStart(ctx.now), limit);
        return { ...s, status: 'NEEDS_SUPPLEMENT', supplementRequested: true, missing: b.missing, supplementDueAt };
      },
    },
    supplement: {
      in: ['NEEDS_SUPPLEMENT'],
      roles: ['citizen', 'desk-officer'],
      step: (s, _b, ctx) => ({ ...startClock(s, ctx), status: 'IN_REVIEW', missing: [], supplementDueAt: null }),
    },
    reject: { ...reject, in: ['IN_REVIEW'] },
  },
  timers: (s) =>
    s.status === 'NEEDS_SUPPLEMENT' && s.supplementDueAt !== null ? [{ kind: 'supplement-expired', at: s.supplementDueAt }] : [],
  fire: { 'supplement-expired': cancelOnExpiry },
};
