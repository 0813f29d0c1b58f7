import { describe, expect } from 'vitest';
import { refusalOf } from '../rules';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { ACTORS, count, kindProperty } from './property-harness';

describe('the receive kind under random sequences', () => {
  kindProperty(null, 'receives once, starts no clock before reception, refuses only at the receiving desk', {
    reaches: ['event:receive', 'event:request-completion', 'event:complete', 'event:not-accept', 'timer:reception-overdue', 'status:NOT_ACCEPTED'],
    check: ({ p, next, event, events }) => {
      // Not yet received: the office's clock has not started.
      if (next.status === 'SUBMITTED') expect([next.clockStartAt, next.dueAt, next.receivedAt]).toEqual([null, null, null]);
      expect(count(events, 'receive')).toBeLessThanOrEqual(1);
      if (event.type === 'receive') {
        expect(event.fromStatus).toBe('SUBMITTED');
        expect(next.receivedAt).toBe(event.at);
      }
      if (event.type === 'not-accept') {
        expect(event.fromStatus).toMatch(/^(SUBMITTED|RECEIVED)$/);
        expect([next.status, event.agencyCode]).toEqual(['NOT_ACCEPTED', next.receivingAgencyCode]);
      }
      // Form 02: asked once; until completed, not received and the reception deadline waits.
      expect(count(events, 'request-completion')).toBeLessThanOrEqual(1);
      expect(count(events, 'complete')).toBeLessThanOrEqual(count(events, 'request-completion'));
      if (next.completion && next.completion.completedAt === null) {
        expect(next.status).toMatch(/^(SUBMITTED|NOT_ACCEPTED|WITHDRAWN)$/);
        expect(pendingTimers(next, p, calendar)).toEqual([]);
        for (const a of ACTORS) expect(refusalOf(next, p, a, 'receive')).not.toBeNull();
      }
      if (event.type === 'receive' && next.completion) expect(next.completion.completedAt).not.toBeNull();
      const receptionEscalations = events.filter((e) => e.type === 'escalation' && e.data.kind === 'reception');
      expect(receptionEscalations.length).toBeLessThanOrEqual(1);
      if (receptionEscalations.length) expect(next.channel).toBe('online');
    },
  });
});
