import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertKind, count, explore, stageLists, type Command, type Transition } from './property-harness';

describe('the inspect kind under random sequences', () => {
  it('holds the dossier until the minutes of a visit that took place are recorded; rescheduling keeps every date', () => {
    const reached = new Set<string>();
    const check = ({ prev, next, event, events }: Transition) => {
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
    };
    assertKind('inspect', { reached, check });
    // The minutes need time to pass after the visit: shorter stage lists (no fee, posting or
    // consultation) and sequences with more time passing reach them every run.
    const short = stageLists('inspect').map((p) => ({ ...p, fee: { counter: 0 }, stages: p.stages.filter((x) => !['pay', 'post', 'consult'].includes(x.name)) }));
    const visiting = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('act-allowed' as const), pick: fc.nat({ max: 1000 }), variant: fc.nat({ max: 3 }) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 96 }) }) },
      ),
      { maxLength: 40, size: 'max' },
    ) as fc.Arbitrary<Command[]>;
    fc.assert(fc.property(short, visiting, (p, cmds) => void explore(p, 'counter', cmds, { reached, check })), { numRuns: 150 });
    for (const r of ['event:schedule-inspection', 'event:record-inspection', 'rule:schedule-inspection', 'rule:record-inspection']) expect(reached).toContain(r);
  });
});
