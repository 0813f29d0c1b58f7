import { describe, expect, it } from 'vitest';
import { CLOCK_RUNNING } from '../../status';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { assertKind, count } from './property-harness';

describe('what every dossier has, under random sequences', () => {
  it('lets only the citizen withdraw, apologises once without moving the original due date, and runs the clock only while the office works', () => {
    const reached = new Set<string>();
    assertKind(null, {
      reached,
      check: ({ p, prev, next, event, events }) => {
        if (event.type === 'withdraw') expect([event.actor.role, next.status]).toEqual(['citizen', 'WITHDRAWN']);
        expect(count(events, 'extend')).toBeLessThanOrEqual(1);
        if (event.type === 'extend') {
          expect(next.originalDueAt).toBe(prev.originalDueAt);
          expect(next.dueAt!).toBeGreaterThan(prev.dueAt!);
        }
        const clock = pendingTimers(next, p, calendar).filter((t) => /reminder|escalation$/.test(t.kind));
        if (!CLOCK_RUNNING.has(next.status) && next.resultReadyAt !== undefined) expect(clock).toEqual([]);
      },
    });
    for (const r of ['event:withdraw', 'event:extend', 'event:reminder', 'event:escalation', 'rule:extend']) expect(reached).toContain(r);
  });
});
