import { describe, expect, it } from 'vitest';
import { assertKind, count, stageLists } from './property-harness';

describe('the approve kind under random sequences', () => {
  it("makes the result ready only by the leader's approval", () => {
    const reached = new Set<string>();
    assertKind('approve', {
      reached,
      check: ({ next, event, events }) => {
        if (event.type === 'approve') expect([event.fromStatus, event.actor.role]).toEqual(['AWAITING_APPROVAL', 'leader']);
        if (next.status === 'RESULT_READY' && event.fromStatus !== 'RESULT_READY') expect(count(events, 'approve')).toBe(1);
        if (event.type === 'reject') expect(event.actor.role).toBe('leader');
      },
    });
    for (const r of ['event:approve', 'event:reject', 'status:AWAITING_APPROVAL']) expect(reached).toContain(r);
  });

  it('is never waited for when the stage list has no approval', () => {
    const reached = new Set<string>();
    const withoutApproval = stageLists(null).filter((p) => !p.stages.some((s) => s.name === 'approve'));
    assertKind(null, {
      reached,
      check: ({ next, event }) => {
        expect(next.status).not.toBe('AWAITING_APPROVAL');
        expect(event.type).not.toBe('approve');
      },
    }, 100, withoutApproval);
    expect(reached).toContain('status:RESULT_READY');
  });
});
