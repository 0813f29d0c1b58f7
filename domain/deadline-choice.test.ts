import { describe, expect, it } from 'vitest';
import { deadlineFor, withExtraDays } from './deadline-choice';
import type { ProcedureRules } from './procedure-rules';

/**
 * 1.013978 (first land certificate) as the catalogue states it: 27 working days at the counter, 17 online,
 * 20 by post; the 10 extra days are a fixture (Đồng Nai's summary shows +10 in difficult areas; Lào Cai's is unconfirmed).
 */
const land: Pick<ProcedureRules, 'deadline' | 'deadlines' | 'difficultCommuneExtraDays'> = {
  deadline: { workingDays: 27, kind: 'working-days' },
  deadlines: { online: { workingDays: 17, kind: 'working-days' }, post: { workingDays: 20, kind: 'working-days' } },
  difficultCommuneExtraDays: 10,
};

describe('the deadline a dossier runs on', () => {
  it.each([
    ['counter', null, 27],
    ['kiosk', null, 27],
    ['online', null, 17],
    ['post', null, 20],
    ['counter', 'especially-difficult', 37],
    ['online', 'especially-difficult', 27],
    ['post', 'especially-difficult', 30],
  ] as const)('%s, commune %s: %i working days', (channel, category, days) => {
    expect(deadlineFor(land, channel, category)).toEqual({ workingDays: days, kind: 'working-days' });
  });

  it("a channel without its own deadline runs on the counter's", () => {
    const counterOnly = { deadline: { workingDays: 7 } };
    expect(deadlineFor(counterOnly, 'online', null)).toEqual({ workingDays: 7 });
    expect(deadlineFor(counterOnly, 'post', null)).toEqual({ workingDays: 7 });
  });

  it('a listed commune gets nothing extra where the procedure does not say so', () => {
    expect(deadlineFor({ deadline: { workingDays: 7 } }, 'counter', 'especially-difficult')).toEqual({ workingDays: 7 });
  });

  it('extra days follow the unit of the deadline', () => {
    expect(withExtraDays({ workingDays: null, calendarDays: 30, kind: 'calendar-days' }, 5)).toEqual({ workingDays: null, calendarDays: 35, kind: 'calendar-days' });
    expect(withExtraDays({ workingDays: 0.5, kind: 'working-hours' }, 2)).toEqual({ workingDays: 2.5, kind: 'working-hours' });
    expect(withExtraDays({ workingDays: null, kind: 'same-day' }, 3)).toEqual({ workingDays: 3, kind: 'working-days' });
    // No stated time stays none: a deadline is never invented.
    expect(withExtraDays({ workingDays: null }, 10)).toEqual({ workingDays: null });
  });
});
