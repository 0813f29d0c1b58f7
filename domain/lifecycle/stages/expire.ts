import { SYSTEM_ACTOR } from '../../actor';
import { emit } from '../emit';
import type { Fire } from './kind';

/** A wait on the citizen (supplement, fee) that runs out cancels the dossier. */
export const cancelOnExpiry: Fire = (s, t, { now }) => {
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: now } : x));
  return emit(s, { ...s, status: 'CANCELLED', finishedAt: now, shares, ...(s.stage ? { stage: null } : {}) }, 'cancel', SYSTEM_ACTOR, now, { reason: t.kind });
};
