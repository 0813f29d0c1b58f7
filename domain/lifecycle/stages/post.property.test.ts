import { describe, expect } from 'vitest';
import { stageOf } from '../../procedure-rules';
import { calendar, DAY } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty } from './property-harness';

describe('the post kind under random sequences', () => {
  kindProperty('post', 'posts for exactly N days, records objections only meanwhile, and runs or pauses the clock as the stage says', {
    reaches: ['event:record-objection', 'event:posting-ended', 'timer:posting-ended'],
    check: ({ p, prev, next, event, events }) => {
      const stage = stageOf(p, 'post')!;
      const posting = prev.stage?.kind === 'post';
      if (next.stage?.kind === 'post' && !posting) {
        // Entering the posting: its end is N days on, and while it lasts only its own actions and the lifecycle's are offered.
        expect(next.posting).toEqual({ startedAt: event.at, endsAt: event.at + stage.days * DAY, objections: [] });
        expect(next.pausedAt ?? null).toBe(stage.clock === 'paused' ? event.at : null);
      }
      if (event.type === 'posting-ended') {
        expect(posting).toBe(true);
        // Never before its days are over (the workflow fires at `endsAt`; the harness may be later).
        expect(event.at).toBeGreaterThanOrEqual(prev.posting!.endsAt);
        // Off the posting (onto a holding stage after it, such as tax, or none).
        expect(next.stage?.kind).not.toBe('post');
        expect(next.pausedAt ?? null).toBeNull();
        if (stage.clock === 'paused' && prev.dueAt !== null) expect(next.dueAt!).toBeGreaterThan(prev.dueAt);
        if (stage.clock === 'runs') expect(next.dueAt).toBe(prev.dueAt);
      }
      if (posting && next.stage?.kind === 'post') {
        expect(event.type, 'nothing but an objection, the apology or a way out while posted').toMatch(/^(record-objection|extend|reminder|escalation)$/);
      }
      if (next.stage?.kind === 'post') expect(pendingTimers(next, p, calendar)).toContainEqual({ kind: 'posting-ended', at: next.posting!.endsAt });
      if (event.type === 'record-objection') {
        expect(posting).toBe(true);
        expect(next.posting!.objections.at(-1)).toMatchObject({ at: event.at, note: event.data.note });
      }
      expect(next.posting?.objections.length ?? 0).toBe(count(events, 'record-objection'));
      // A paused clock sends no reminder and no escalation.
      if (next.pausedAt != null) expect(pendingTimers(next, p, calendar).filter((t) => /reminder|escalation/.test(t.kind))).toEqual([]);
    },
  });
});
