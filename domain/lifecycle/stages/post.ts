import { SYSTEM_ACTOR } from '../../actor';
import { stageOf } from '../../procedure-rules';
import { reachResult, shiftDue } from '../clock';
import { emit } from '../emit';
import type { DossierState } from '../state';
import type { StageKind } from './kind';

const DAY_MS = 24 * 3_600_000;

/**
 * Public posting (niêm yết): the dossier is posted for the stage's `days` (calendar days), while the
 * office records the objections raised; when the days are over it moves on by itself, the
 * objections in its state and trail for whoever decides next. Whether the office's clock runs
 * meanwhile is the procedure's rule (`clock`): paused, every due time moves on by the posting.
 */
export const post: StageKind = {
  name: 'post',
  statuses: [],
  holds: true,
  clockRuns: true,
  enter: (s, ctx) => {
    const stage = stageOf(ctx.procedure, 'post')!;
    const posting = { startedAt: ctx.now, endsAt: ctx.now + stage.days * DAY_MS, objections: [] };
    return { ...s, status: 'IN_REVIEW', posting, ...(stage.clock === 'paused' ? { pausedAt: ctx.now } : {}) };
  },
  actions: {
    'record-objection': {
      in: ['IN_REVIEW'],
      roles: ['desk-officer', 'specialist'],
      step: (s, b, ctx) => ({
        ...s,
        posting: { ...s.posting!, objections: [...s.posting!.objections, { at: ctx.now, note: b.note, ...(b.from ? { from: b.from } : {}) }] },
      }),
    },
  },
  timers: (s) => (s.stage?.kind === 'post' && s.posting && s.finishedAt === null ? [{ kind: 'posting-ended', at: s.posting.endsAt }] : []),
  fire: {
    'posting-ended': (s, _t, ctx, advance) => {
      const resumed: DossierState = s.pausedAt != null ? { ...shiftDue(s, s.pausedAt, ctx), pausedAt: null } : s;
      // Moving on may make the result ready (posting last before delivery): the clock stops there too.
      const next = reachResult(s, advance({ ...resumed, stage: null }, 'post'), ctx);
      return emit(s, next, 'posting-ended', SYSTEM_ACTOR, ctx.now, { objections: s.posting?.objections.length ?? 0 });
    },
  },
};
