import { describe, expect } from 'vitest';
import { CLOCK_RUNNING } from '../../status';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty } from './property-harness';

describe('what every dossier has, under random sequences', () => {
  kindProperty(null, 'lets only the citizen withdraw, apologises once without moving the original due date, and runs the clock only while the office works', {
    reaches: ['event:withdraw', 'event:extend', 'event:reminder', 'event:escalation', 'rule:extend'],
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
});
