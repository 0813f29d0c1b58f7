import { describe, expect } from 'vitest';
import { count, kindProperty, stageLists } from './property-harness';

describe('the approve kind under random sequences', () => {
  kindProperty('approve', "makes the result ready only by the leader's approval", {
    reaches: ['event:approve', 'event:reject', 'status:AWAITING_APPROVAL'],
    check: ({ next, event, events }) => {
      if (event.type === 'approve') expect([event.fromStatus, event.actor.role]).toEqual(['AWAITING_APPROVAL', 'leader']);
      if (next.status === 'RESULT_READY' && event.fromStatus !== 'RESULT_READY') expect(count(events, 'approve')).toBe(1);
      if (event.type === 'reject') expect(event.actor.role).toBe('leader');
    },
  });

  kindProperty(null, 'is never waited for when the stage list has no approval', {
    reaches: ['status:RESULT_READY'],
    runs: 100,
    lists: stageLists(null).filter((p) => !p.stages.some((s) => s.name === 'approve')),
    check: ({ next, event }) => {
      expect(next.status).not.toBe('AWAITING_APPROVAL');
      expect(event.type).not.toBe('approve');
    },
  });
});
