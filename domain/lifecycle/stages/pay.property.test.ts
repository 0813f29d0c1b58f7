import { describe, expect } from 'vitest';
import { payBeforeReview } from '../../procedure-rules';
import { calendar } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { kindProperty } from './property-harness';

describe('the pay kind under random sequences', () => {
  kindProperty('pay', 'takes the fee once and exactly, before any result, with the office clock paused while it waits', {
    reaches: ['event:record-payment', 'event:payment-received', 'timer:payment-expired', 'rule:record-payment'],
    check: ({ p, prev, next, event, events }) => {
      const payments = events.filter((e) => (e.type === 'record-payment' || e.type === 'payment-received') && e.toStatus !== 'AWAITING_PAYMENT');
      expect(payments.length, 'the fee is paid once').toBeLessThanOrEqual(1);
      for (const e of payments) expect(e.data.amount, 'and exactly').toBe(next.fee);
      if (next.status === 'RESULT_READY' && prev.status !== 'RESULT_READY') expect(next.paid).toBe(true);
      if (next.status === 'AWAITING_PAYMENT') {
        expect(pendingTimers(next, p, calendar).map((t) => t.kind)).toEqual(['payment-expired']);
        // Up front, the fee comes before the clock; once the clock runs, it pauses for the fee.
        if (payBeforeReview(p)) expect(next.clockStartAt).toBeNull();
        if (next.clockStartAt !== null && prev.status !== 'AWAITING_PAYMENT') expect(next.paymentRequestedAt).toBe(event.at);
      }
      if (prev.status === 'AWAITING_PAYMENT' && next.paid && prev.dueAt !== null) {
        // The wait was the citizen's: the due date moved on by it, never back.
        expect(next.dueAt!).toBeGreaterThanOrEqual(prev.dueAt!);
        expect(next.paymentRequestedAt).toBeNull();
      }
      if (event.type === 'cancel' && event.fromStatus === 'AWAITING_PAYMENT') expect(event.data.reason).toBe('payment-expired');
    },
  });
});
