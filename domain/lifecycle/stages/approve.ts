import type { StageKind } from './kind';
import { reject } from './reject';

/** The leader's decision: approve (the stage is complete) or reject with a reason. */
export const approve: StageKind = {
  name: 'approve',
  statuses: ['AWAITING_APPROVAL', 'REJECTED'],
  clockRuns: true,
  enter: (s) => ({ ...s, status: 'AWAITING_APPROVAL' }),
  actions: {
    approve: { in: ['AWAITING_APPROVAL'], roles: ['leader'], step: (s) => ({ done: s }) },
    reject: { ...reject, in: ['AWAITING_APPROVAL'] },
  },
};
