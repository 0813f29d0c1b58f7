import { describe, expect, it } from 'vitest';
import { assertKind, count } from './property-harness';

describe('the receive kind under random sequences', () => {
  it('receives once, starts no clock before reception, refuses only at the receiving desk', () => {
    const reached = new Set<string>();
    assertKind(null, {
      reached,
      check: ({ next, event, events }) => {
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
        const receptionEscalations = events.filter((e) => e.type === 'escalation' && e.data.kind === 'reception');
        expect(receptionEscalations.length).toBeLessThanOrEqual(1);
        if (receptionEscalations.length) expect(next.channel).toBe('online');
      },
    });
    for (const r of ['event:receive', 'event:not-accept', 'timer:reception-overdue', 'status:NOT_ACCEPTED']) expect(reached).toContain(r);
  });
});
