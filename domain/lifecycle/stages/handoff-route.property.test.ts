import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { ProcedureRules } from '../../procedure-rules';
import { deadlineFor } from '../../deadline-choice';
import { COMMUNE, DEPARTMENT, calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty, stageLists } from './property-harness';

/** Province-level stage lists with a hand-off route (receiving desk → department → commune → department), some in a difficult commune. */
const routed = fc
  .tuple(stageLists(null).filter((p) => p.level === 'province'), fc.boolean(), fc.constantFrom(1, 2))
  .map(([p, difficult, commune]): ProcedureRules => ({
    ...p,
    handoff: {
      departmentCode: DEPARTMENT,
      shareWorkingDays: p.handoff!.shareWorkingDays,
      route: [{ to: 'department', shareWorkingDays: 1 }, { to: 'receiving', shareWorkingDays: commune }, { to: 'department', shareWorkingDays: 1 }],
    },
    ...(difficult ? { difficultCommuneExtraDays: 2 } : {}),
  }));

describe('the repeatable hand-off under random sequences', () => {
  kindProperty(null, 'hops any number of times, never to the holder, never moves the due date, and brings the result to the receiving desk', {
    reaches: ['event:forward', 'event:return', 'event:deliver', 'rule:forward', 'hops:2+', 'hop:back-to-commune', 'timer:hop-overdue', 'timer:hop-reminder'],
    // A hop left to run out (hop-overdue) is rarer than the rest: enough runs that some do.
    runs: 800,
    lists: routed,
    check: ({ p, prev, next, event, events }, reached) => {
      if (event.type === 'forward') {
        // Never to the agency holding it; the due dates the citizen and Decision 766 see stay where they were.
        expect(event.data.agencyCode).not.toBe(prev.agencyCode);
        expect(next.agencyCode).toBe(event.data.agencyCode);
        expect([next.dueAt, next.originalDueAt]).toEqual([prev.dueAt, prev.originalDueAt]);
        const open = next.shares.at(-1)!;
        expect(open).toMatchObject({ agencyCode: next.agencyCode, from: prev.agencyCode, enteredAt: event.at, leftAt: null });
        // The hop's due date is its share's, never past the dossier's.
        if (next.dueAt !== null) expect(open.dueAt!).toBeLessThanOrEqual(next.dueAt);
        const chosen = event.data.shareWorkingDays as number | undefined;
        const difficult = p.difficultCommuneExtraDays && next.deadline && next.deadline.workingDays !== deadlineFor(p, next.channel, null).workingDays;
        // The commune keeps an especially difficult commune's extra days on its hops.
        if (chosen !== undefined && next.agencyCode === next.receivingAgencyCode) {
          expect(open.shareWorkingDays).toBe(chosen + (difficult ? 2 : 0));
        }
        if (count(events, 'forward') >= 2) reached.add('hops:2+');
        if (prev.agencyCode !== prev.receivingAgencyCode && next.agencyCode === next.receivingAgencyCode) reached.add('hop:back-to-commune');
      }
      if (event.type === 'return') expect([prev.status, next.agencyCode]).toEqual(['RESULT_READY', next.receivingAgencyCode]);
      // The result is always handed over at the receiving desk.
      if (event.type === 'deliver') expect(prev.agencyCode).toBe(prev.receivingAgencyCode);
      // Only the deciding side approves: never the commune that received it.
      if (event.type === 'approve') expect(prev.agencyCode).not.toBe(COMMUNE);
      if (event.type === 'escalation' && event.data.kind === 'hop') expect(prev.shares.at(-1)!.escalated).toBeFalsy();
      // Each agency's time is one unbroken chain of shares; the open one is where the dossier is.
      for (let i = 1; i < next.shares.length; i++) expect(next.shares[i]!.enteredAt).toBe(next.shares[i - 1]!.leftAt);
      if (next.finishedAt === null) expect(next.shares.at(-1)).toMatchObject({ agencyCode: next.agencyCode, leftAt: null });
      // A hop whose share ends before the dossier's, with the clock running, has its escalation pending.
      const open = next.shares.at(-1)!;
      const timers = pendingTimers(next, p, calendar);
      if (open.from && open.dueAt !== null && next.dueAt !== null && open.dueAt < next.dueAt && !open.escalated && next.pausedAt == null && /^(RECEIVED|IN_REVIEW|AWAITING_APPROVAL)$/.test(next.status)) {
        expect(timers).toContainEqual({ kind: 'hop-overdue', at: open.dueAt });
      }
      if (!open.from) expect(timers.filter((t) => t.kind.startsWith('hop-'))).toEqual([]);
    },
  });
});
