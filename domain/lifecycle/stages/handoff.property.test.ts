import { describe, expect } from 'vitest';
import { count, kindProperty, stageLists } from './property-harness';

describe('the hand-off under random sequences', () => {
  kindProperty(null, 'forwards a province-level dossier once, to the department, and returns its result to the receiving desk', {
    reaches: ['event:forward', 'event:return', 'rule:forward'],
    // Many kinds can hold a dossier before its result: enough runs that some reach the return.
    runs: 600,
    lists: stageLists(null).filter((p) => p.level === 'province'),
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
  });

  kindProperty(null, 'never forwards a commune-level dossier', {
    reaches: ['status:DELIVERED'],
    runs: 100,
    lists: stageLists(null).filter((p) => p.level === 'commune'),
    check: ({ event }) => expect(event.type).not.toMatch(/^(forward|return)$/),
  });
});
