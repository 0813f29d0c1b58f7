import { describe, expect } from 'vitest';
import { stageOf } from '../../procedure-rules';
import { calendar, DAY } from '../test-fixtures';
import { classify } from '../timeliness';
import { count, kindProperty } from './property-harness';

describe('the verify kind under random sequences', () => {
  kindProperty('verify', "extends the deadline once, by at most the law's days, moving the original due date with it (no apology)", {
    reaches: ['event:require-verification', 'rule:require-verification'],
    check: ({ p, prev, next, event, events }) => {
      expect(count(events, 'require-verification')).toBeLessThanOrEqual(1);
      if (event.type === 'require-verification') {
        const stage = stageOf(p, 'verify')!;
        const days = (event.data.days as number | undefined) ?? stage.maxExtraDays;
        expect(days).toBeLessThanOrEqual(stage.maxExtraDays);
        const later = (t: number) => (stage.unit === 'working-days' ? calendar.addWorkingDays(t, days) : t + days * DAY);
        expect(event.fromStatus).toBe('IN_REVIEW');
        expect(next.dueAt).toBe(later(prev.dueAt!));
        expect(next.originalDueAt).toBe(later(prev.originalDueAt!));
        expect(next.verification).toEqual({ days, unit: stage.unit, at: event.at });
        expect(next.extended, 'a verification is not an apology').toBe(prev.extended);
      }
      // The class is taken against the lawful (verified) due date.
      if (next.status === 'RESULT_READY' && prev.status !== 'RESULT_READY' && next.verification) {
        expect(next.timeliness).toBe(classify(next.resultReadyAt!, next.originalDueAt!, calendar));
      }
    },
  });
});
