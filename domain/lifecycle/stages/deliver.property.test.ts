import { describe, expect } from 'vitest';
import { stageOf } from '../../procedure-rules';
import { calendar, DAY } from '../test-fixtures';
import { pendingTimers } from '../timers';
import { count, kindProperty } from './property-harness';

describe('the deliver kind under random sequences', () => {
  kindProperty(null, 'hands over a ready result at the receiving desk, stops the clock there, and takes one rating in its window', {
    reaches: ['event:deliver', 'event:rate', 'timer:rating-closed', 'status:DELIVERED', 'rule:deliver'],
    check: ({ p, prev, next, event, events }) => {
      if (next.status === 'DELIVERED' && prev.status !== 'DELIVERED') {
        expect(prev.status).toBe('RESULT_READY');
        expect(event.agencyCode).toBe(next.receivingAgencyCode);
        expect(pendingTimers(next, p, calendar)).toEqual([{ kind: 'rating-closed', at: next.finishedAt! + 7 * DAY }]);
      }
      // The class is fixed when the result is ready; nothing after moves it.
      if (next.status === 'RESULT_READY' && prev.status !== 'RESULT_READY') expect(next.resultReadyAt).toBe(event.at);
      if (prev.resultReadyAt != null) expect([next.resultReadyAt, next.timeliness]).toEqual([prev.resultReadyAt, prev.timeliness]);
      if (event.type === 'deliver') {
        // The result's kind decides how: only an electronic one (or one of rules without a kind) goes online.
        const result = stageOf(p, 'deliver')!.result ?? 'electronic';
        if (result !== 'electronic') expect(event.data.method).toBe('desk');
        if (result === 'in-person-both-spouses') expect(new Set((event.data.present as { idNumber: string }[]).map((x) => x.idNumber)).size).toBe(2);
      }
      expect(count(events, 'rate')).toBeLessThanOrEqual(1);
      if (event.type === 'rate') expect(prev.status).toBe('DELIVERED');
    },
  });
});
