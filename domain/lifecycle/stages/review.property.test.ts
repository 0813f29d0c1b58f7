import { describe, expect } from 'vitest';
import { dueFrom } from '../deadline';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty } from './property-harness';

describe('the review kind under random sequences', () => {
  kindProperty('review', 'asks for a supplement once, restarts the clock from the completed file, and verifies before any result', {
    reaches: ['event:verify', 'event:request-supplement', 'event:supplement', 'event:reject', 'timer:supplement-expired', 'status:RESULT_READY'],
    check: ({ p, next, event, events }) => {
      expect(count(events, 'request-supplement')).toBeLessThanOrEqual(1);
      expect(count(events, 'supplement')).toBeLessThanOrEqual(count(events, 'request-supplement'));
      if (event.type === 'supplement') {
        // The deadline is computed afresh from the day the file is complete.
        expect(next.clockStartAt).toBe(calendar.receptionStart(event.at));
        expect(next.dueAt).toBe(dueFrom(p.deadline, event.at, calendar));
        expect(next.missing).toEqual([]);
      }
      if (next.status === 'NEEDS_SUPPLEMENT') {
        // The citizen is being waited on: no reminder or escalation runs, only the supplement's limit.
        expect(pendingTimers(next, p, calendar).map((t) => t.kind)).toEqual(['supplement-expired']);
      }
      if (event.type === 'cancel' && event.fromStatus === 'NEEDS_SUPPLEMENT') expect(event.data.reason).toBe('supplement-expired');
      if (next.status === 'RESULT_READY' && event.fromStatus !== 'RESULT_READY') expect(count(events, 'verify')).toBe(1);
      if (event.type === 'verify') expect(next.verified).toBe(true);
    },
  });
});
