import { describe, expect, it } from 'vitest';
import { assertKind, count } from './property-harness';

describe('the inspect kind under random sequences', () => {
  it('holds the dossier until the minutes of a visit that took place are recorded; rescheduling keeps every date', () => {
    const reached = new Set<string>();
    assertKind('inspect', {
      reached,
      check: ({ prev, next, event, events }) => {
        const held = prev.stage?.kind === 'inspect';
        if (next.stage?.kind === 'inspect' && !held) expect(next.inspection).toEqual({ visits: [], minutes: null });
        if (held && next.stage?.kind === 'inspect') {
          expect(event.type, 'nothing but scheduling, the apology or a way out while the site is inspected').toMatch(/^(schedule-inspection|extend|reminder|escalation)$/);
        }
        if (event.type === 'schedule-inspection') {
          expect(held).toBe(true);
          const visit = next.inspection!.visits.at(-1)!;
          expect(visit.at).toBe(Date.parse(event.data.at as string));
          expect(visit.at, 'a visit is scheduled in the future').toBeGreaterThan(event.at);
          expect(next.inspection!.visits.length, 'a new date adds to the trail, it replaces nothing').toBe(prev.inspection!.visits.length + 1);
        }
        if (event.type === 'record-inspection') {
          expect(held).toBe(true);
          // Only after a visit was scheduled and its time has come.
          expect(prev.inspection!.visits.length).toBeGreaterThan(0);
          expect(event.at).toBeGreaterThanOrEqual(prev.inspection!.visits.at(-1)!.at);
          expect(next.stage?.kind ?? null, 'the minutes let the dossier move on').not.toBe('inspect');
          expect(next.inspection!.minutes).toMatchObject({ document: event.data.minutes, outcome: event.data.outcome, at: event.at });
        }
        // Leaving the stage other than by its minutes only happens by closing the dossier.
        if (held && next.stage?.kind !== 'inspect' && event.type !== 'record-inspection') expect(next.finishedAt).not.toBeNull();
        expect(next.inspection?.visits.length ?? 0).toBe(count(events, 'schedule-inspection'));
      },
    });
    for (const r of ['event:schedule-inspection', 'event:record-inspection', 'rule:schedule-inspection', 'rule:record-inspection']) expect(reached).toContain(r);
  });
});
