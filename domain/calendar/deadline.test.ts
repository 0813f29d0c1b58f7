import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEADLINE_CASES } from '../../test/support/deadline-cases';
import { dueAt } from './deadline';
import { createCalendar } from './working-time';

const HOUR = 3_600_000;
/** Epoch ms of a Vietnam local time, e.g. `at('2025-03-03 09:00')`. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const local = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

const calendar = createCalendar();

describe('dueAt, hand-computed cases', () => {
  it.each(DEADLINE_CASES.map((c) => [c.from, c.deadline.kind, 'amount' in c.deadline ? c.deadline.amount : '', c.due, c.why, c] as const))(
    'received %s, %s %s → %s (%s)',
    (_from, _kind, _amount, _due, _why, c) => {
      expect(local(dueAt(at(c.from), c.deadline, calendar))).toBe(c.due);
    },
  );
});

describe('dueAt rules', () => {
  it('counts an administrator’s extra day off and swapped working Saturday', () => {
    const cal = createCalendar([
      { date: '2025-03-11', kind: 'off' },
      { date: '2025-03-15', kind: 'working' },
    ]);
    // Mon 10/3 + 1 working day: Tue 11/3 is off by override → Wed 12/3.
    expect(local(dueAt(at('2025-03-10 09:00'), { kind: 'working-days', amount: 1 }, cal))).toBe('2025-03-12 17:00');
    // Mon 10/3 + 5 calendar days is Sat 15/3, a working day by override.
    expect(local(dueAt(at('2025-03-10 09:00'), { kind: 'calendar-days', amount: 5 }, cal))).toBe('2025-03-15 17:00');
  });

  it('makes 0 working days the same as same-day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        expect(dueAt(ms, { kind: 'working-days', amount: 0 }, calendar)).toBe(dueAt(ms, { kind: 'same-day' }, calendar));
      }),
    );
  });

  it('always falls due at 17:00 of a working day, after reception, and later for more days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('working-days' as const, 'calendar-days' as const),
        (ms, amount, kind) => {
          const due = dueAt(ms, { kind, amount }, calendar);
          expect(local(due).slice(11)).toBe('17:00');
          expect(calendar.isWorkingDay(local(due).slice(0, 10))).toBe(true);
          expect(due).toBeGreaterThan(ms);
          expect(dueAt(ms, { kind, amount: amount + 1 }, calendar)).toBeGreaterThanOrEqual(due);
        },
      ),
    );
  });

  it('does not count the reception day, where addWorkingDays counts it from 07:00', () => {
    // Received Mon 16:00 → taken in Tue. The law's count: Wed, Thu, Fri → Fri 17:00. The
    // lifecycle's current count, 24 working hours from Tue 07:00, ends Thu 17:00.
    const received = at('2025-03-10 16:00');
    expect(local(dueAt(received, { kind: 'working-days', amount: 3 }, calendar))).toBe('2025-03-14 17:00');
    expect(local(calendar.addWorkingDays(calendar.receptionStart(received), 3))).toBe('2025-03-13 17:00');
  });

  it('rejects a fractional or negative day count and a non-finite instant', () => {
    expect(() => dueAt(at('2025-03-10 09:00'), { kind: 'working-days', amount: 1.5 }, calendar)).toThrow(RangeError);
    expect(() => dueAt(at('2025-03-10 09:00'), { kind: 'calendar-days', amount: -1 }, calendar)).toThrow(RangeError);
    expect(() => dueAt(at('2025-03-10 09:00'), { kind: 'working-hours', amount: -1 }, calendar)).toThrow(RangeError);
    expect(() => dueAt(Number.NaN, { kind: 'same-day' }, calendar)).toThrow(RangeError);
  });
});
