import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageOf } from '../../procedure-rules';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { assertKind, count, explore, stageLists, type Command, type Transition } from './property-harness';

describe('the consult kind under random sequences', () => {
  it('waits for every asked agency until it answers or its due time passes, only the asked agency answers, and the clock runs', () => {
    const reached = new Set<string>();
    const check = ({ p, prev, next, event, events }: Transition) => {
      const stage = stageOf(p, 'consult')!;
      const held = prev.stage?.kind === 'consult';
      const asks = next.consultation?.asks ?? [];
      if (next.stage?.kind === 'consult' && !held) expect(next.consultation).toEqual({ asks: [] });
      if (held && next.stage?.kind === 'consult') {
        expect(event.type, 'nothing but the consultation, the apology or a way out meanwhile').toMatch(/^(request-opinions|record-opinion|opinion-reminder|opinion-overdue|extend|reminder|escalation)$/);
        // The office's clock runs: no pause, no due date moved by the consultation.
        expect(next.pausedAt ?? null).toBeNull();
        if (event.type !== 'extend') expect(next.dueAt).toBe(prev.dueAt);
      }
      if (event.type === 'request-opinions') {
        expect(held).toBe(true);
        for (const a of asks.slice(prev.consultation!.asks.length)) {
          expect(a.agencyCode).not.toBe(next.agencyCode);
          expect(a.askedAt).toBe(event.at);
          expect(a.dueAt).toBeLessThanOrEqual(calendar.addWorkingDays(calendar.receptionStart(event.at), stage.shareWorkingDays));
          expect(a.remindAt).toBeLessThan(a.dueAt);
        }
      }
      if (event.type === 'record-opinion') {
        expect(held).toBe(true);
        // Only an officer of an agency asked and not yet answered, and its one open ask is closed.
        const mine = prev.consultation!.asks.filter((a) => a.agencyCode === event.actor.agencyCode && a.answer === null);
        expect(mine.length).toBe(1);
        expect(event.actor.agencyCode).not.toBe(prev.agencyCode);
        // The very ask that was open (an agency asked again at the same instant has an earlier, answered one too).
        const open = prev.consultation!.asks.findIndex((a) => a.agencyCode === event.actor.agencyCode && a.answer === null);
        expect(asks[open]!.answer).toMatchObject({ opinion: event.data.opinion, at: event.at, by: event.actor.id });
      }
      if (event.type === 'opinion-overdue') {
        expect(held).toBe(true);
        for (const code of event.data.agencies as string[]) {
          const a = asks.find((x) => x.agencyCode === code && x.answer?.opinion === 'no-answer' && x.answer.at === event.at)!;
          expect(a.dueAt, 'never before its due time').toBeLessThanOrEqual(event.at);
          expect(a.answer).toEqual({ opinion: 'no-answer', deemedAgreed: stage.silence === 'agrees', at: event.at });
        }
      }
      if (event.type === 'opinion-reminder') {
        expect(held).toBe(true);
        for (const code of event.data.agencies as string[]) expect(asks.find((x) => x.agencyCode === code && x.answer === null)!.reminded).toBe(true);
      }
      // The stage ends when something was asked and every ask is closed, or nothing was asked by choice.
      if (held && next.stage?.kind !== 'consult' && next.finishedAt === null) {
        if (event.type === 'request-opinions') expect(asks).toEqual([]);
        else expect(asks.length > 0 && asks.every((a) => a.answer !== null)).toBe(true);
      }
      // While asked and open, each ask's due time is a pending timer.
      if (next.stage?.kind === 'consult') {
        const timers = pendingTimers(next, p, calendar);
        for (const a of asks.filter((x) => x.answer === null)) expect(timers).toContainEqual({ kind: 'opinion-overdue', at: a.dueAt });
      }
      expect(asks.filter((a) => a.answer !== null && a.answer.opinion !== 'no-answer').length).toBe(count(events, 'record-opinion'));
    };
    assertKind('consult', { reached, check });
    // An ask's timers come after the dossier's own reminders and escalation: shorter stage lists
    // (no fee, posting or visit before it) and sequences with more timer firings reach its due time too.
    const short = stageLists('consult').map((p) => ({ ...p, fee: { counter: 0 }, stages: p.stages.filter((x) => !['pay', 'post', 'inspect'].includes(x.name)) }));
    const firing = fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('act-allowed' as const), pick: fc.nat({ max: 1000 }), variant: fc.nat({ max: 3 }) }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('fire' as const) }) },
      ),
      { maxLength: 60, size: 'max' },
    ) as fc.Arbitrary<Command[]>;
    fc.assert(fc.property(short, firing, (p, cmds) => void explore(p, 'counter', cmds, { reached, check })), { numRuns: 200 });
    for (const r of ['event:request-opinions', 'event:record-opinion', 'event:opinion-overdue', 'event:opinion-reminder', 'timer:opinion-overdue', 'rule:request-opinions']) {
      // (A disagreement without reasons, 'rule:record-opinion', is too rare here to require: test/integration/inspect-consult.test.ts has it.)
      expect(reached).toContain(r);
    }
  });
});
