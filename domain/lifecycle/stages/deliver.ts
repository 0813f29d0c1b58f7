import { stageOf } from '../../procedure-rules';
import { finish } from '../clock';
import { HOUR } from '../reminders';
import { atReceivingDesk } from './guards';
import type { StageKind } from './kind';

/**
 * The result is ready (the clock stops there, clock.ts `reachResult`) and is handed over at the
 * receiving desk; the citizen may then rate the service until the stage's rating window closes.
 */
export const deliver: StageKind = {
  name: 'deliver',
  statuses: ['RESULT_READY', 'DELIVERED'],
  enter: (s) => ({ ...s, status: 'RESULT_READY' }),
  actions: {
    deliver: { in: ['RESULT_READY'], roles: ['desk-officer'], guard: atReceivingDesk, step: (s, _b, ctx) => finish(s, 'DELIVERED', ctx.now) },
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
