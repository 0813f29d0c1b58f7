import { describe, expect } from 'vitest';
import { stageOf } from '../../procedure-rules';
import { calendar, DAY } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty } from './property-harness';

describe('the tax kind under random sequences', () => {
  kindProperty('tax', 'pauses the clock from the slip to the receipt, moves every due time by exactly the wait, and flags an unpaid notice once', {
    reaches: ['event:send-to-tax', 'event:record-tax-notice', 'event:record-tax-payment', 'event:tax-unpaid', 'timer:tax-unpaid'],
    // An unpaid notice needs a notice and then ten idle days before any receipt: rarer than the rest, so more runs.
    runs: 800,
    check: ({ p, prev, next, event, events }) => {
      const stage = stageOf(p, 'tax')!;
      const held = prev.stage?.kind === 'tax';
      if (next.stage?.kind === 'tax' && !held) {
        // Entering: nothing sent yet, the office's clock still runs (preparing the slip is its work).
        expect(next.tax).toMatchObject({ enteredAt: event.at, sentAt: null, noticedAt: null, settledAt: null, excludedMinutes: 0 });
        expect(next.pausedAt ?? null).toBeNull();
        expect(next.status).toBe('IN_REVIEW');
      }
      if (held && next.stage?.kind === 'tax') {
        expect(event.type, 'only the stage’s own steps, the apology and the office’s timers while it waits').toMatch(
          /^(send-to-tax|record-tax-notice|record-tax-payment|tax-unpaid|extend|reminder|escalation)$/,
        );
      }
      if (event.type === 'send-to-tax') {
        expect(held).toBe(true);
        expect(prev.tax!.sentAt).toBeNull();
        expect(next.pausedAt).toBe(event.at);
        expect(next.tax).toMatchObject({ sentAt: event.at, slipNo: event.data.slipNo });
      }
      if (event.type === 'record-tax-notice') {
        expect(prev.tax!.sentAt).not.toBeNull();
        expect(prev.tax!.noticedAt).toBeNull();
        expect(next.tax).toMatchObject({ noticedAt: event.at, noticeNo: event.data.noticeNo, amount: event.data.amount });
      }
      if (event.type === 'record-tax-payment') {
        expect(held).toBe(true);
        expect(prev.tax!.sentAt).not.toBeNull();
        if (event.data.receiptNo !== undefined) expect(prev.tax!.noticedAt).not.toBeNull();
        // The stage is over: the clock resumes, and every due time moved on by exactly the working time waited.
        expect(next.stage?.kind).not.toBe('tax');
        expect(next.pausedAt ?? null).toBeNull();
        const minutes = Math.floor(calendar.workingMillisBetween(prev.pausedAt!, event.at) / 60_000);
        expect(next.tax!.excludedMinutes).toBe(minutes);
        expect(next.tax!.settledAt).toBe(event.at);
        const moved = (t: number | null) => (t === null || minutes <= 0 ? t : calendar.addWorkingHours(t, minutes / 60));
        expect(next.dueAt).toBe(moved(prev.dueAt));
        expect(next.originalDueAt ?? null).toBe(moved(prev.originalDueAt ?? null));
        expect(count(events, 'send-to-tax')).toBe(1);
      }
      if (event.type === 'tax-unpaid') {
        expect(held).toBe(true);
        expect(prev.tax!.settledAt).toBeNull();
        expect(event.at).toBeGreaterThanOrEqual(prev.tax!.noticedAt! + stage.unpaidReminderDays * DAY);
        expect(count(events, 'tax-unpaid')).toBe(1);
      }
      // Sent and not settled: the clock is paused, so the office gets no reminder or escalation meanwhile.
      if (next.stage?.kind === 'tax' && next.tax!.sentAt !== null) {
        expect(next.pausedAt).toBe(next.tax!.sentAt);
        expect(pendingTimers(next, p, calendar).filter((t) => /reminder|escalation/.test(t.kind))).toEqual([]);
      }
      if (next.stage?.kind === 'tax' && next.tax!.noticedAt !== null && next.tax!.remindedAt === null) {
        expect(pendingTimers(next, p, calendar)).toContainEqual({ kind: 'tax-unpaid', at: next.tax!.noticedAt + stage.unpaidReminderDays * DAY });
      }
    },
  });
});
