import { hasRoute } from '../hop-share';
import { atDecidingAgency } from './guards';
import type { StageKind } from './kind';
import { reject } from './reject';

/**
 * The leader's decision: approve (the stage is complete) or reject with a reason. A province-level
 * dossier is decided away from the commune that received it, even when a hop brought it back there
 * (a posting at the commune): with a hand-off route, not at the receiving commune.
 */
export const approve: StageKind = {
  name: 'approve',
  statuses: ['AWAITING_APPROVAL', 'REJECTED'],
  clockRuns: true,
  enter: (s) => ({ ...s, status: 'AWAITING_APPROVAL' }),
  actions: {
    approve: { in: ['AWAITING_APPROVAL'], roles: ['leader'], guard: (s, p) => (hasRoute(p) ? atDecidingAgency(s, p) : null), step: (s) => ({ done: s }) },
    reject: { ...reject, in: ['AWAITING_APPROVAL'] },
  },
};
