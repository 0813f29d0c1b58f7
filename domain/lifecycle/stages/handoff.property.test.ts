import { describe, expect, it } from 'vitest';
import { assertKind, count, stageLists } from './property-harness';

describe('the hand-off under random sequences', () => {
  it('forwards a province-level dossier once, to the department, and returns its result to the receiving desk', () => {
    const reached = new Set<string>();
    assertKind(null, {
      reached,
      check: ({ prev, next, event, events }) => {
        expect(count(events, 'forward')).toBeLessThanOrEqual(1);
        expect(count(events, 'return')).toBeLessThanOrEqual(1);
        if (event.type === 'forward') {
          expect(prev.agencyCode).toBe(prev.receivingAgencyCode);
          expect(next.agencyCode).toBe(event.data.agencyCode);
          expect(next.agencyCode).not.toBe(next.receivingAgencyCode);
        }
        if (event.type === 'return') expect([prev.status, next.agencyCode]).toEqual(['RESULT_READY', next.receivingAgencyCode]);
        // Each agency's time is one unbroken chain of shares; the open one is where the dossier is.
        for (let i = 1; i < next.shares.length; i++) expect(next.shares[i]!.enteredAt).toBe(next.shares[i - 1]!.leftAt);
        if (next.finishedAt === null) expect(next.shares.at(-1)).toMatchObject({ agencyCode: next.agencyCode, leftAt: null });
      },
    // Many kinds can hold a dossier before its result: enough runs that some reach the return.
    }, 600, stageLists(null).filter((p) => p.level === 'province'));
    for (const r of ['event:forward', 'event:return', 'rule:forward']) expect(reached).toContain(r);
  });

  it('never forwards a commune-level dossier', () => {
    const reached = new Set<string>();
    assertKind(null, { reached, check: ({ event }) => expect(event.type).not.toMatch(/^(forward|return)$/) }, 100,
      stageLists(null).filter((p) => p.level === 'commune'));
    expect(reached).toContain('status:DELIVERED');
  });
});
