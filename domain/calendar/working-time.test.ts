import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCalendar, type CalendarOverride } from './working-time';

const HOUR = 3_600_000;
/** Epoch ms of a Vietnam local time, e.g. `at('2025-03-03 09:00')`. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
/** Vietnam local time of epoch ms, as `YYYY-MM-DD HH:mm`. */
const local = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const localDate = (ms: number) => local(ms).slice(0, 10);
/** Vietnam local time of day of epoch ms, in hours (fractional). */
const localHour = (ms: number) => (((ms + 7 * HOUR) % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR) / HOUR;
const inWorkingHours = (ms: number) => {
  const hour = localHour(ms);
  return (hour >= 7 && hour <= 11.5) || (hour >= 13.5 && hour <= 17);
};

const calendar = createCalendar();

describe('isWorkingDay', () => {
  it('works Monday to Friday and rests on weekends and public holidays', () => {
    expect(calendar.isWorkingDay('2025-03-03')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false); // 1 Tết
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // compensatory day
  });

  it('lets an override turn a Saturday or a holiday into work, and a weekday into rest', () => {
    const cal = createCalendar([
      { date: '2025-03-08', kind: 'working' },
      { date: '2025-09-01', kind: 'working' },
      { date: '2025-03-04', kind: 'off' },
    ]);
    expect(cal.isWorkingDay('2025-03-08')).toBe(true);
    expect(cal.isWorkingDay('2025-09-01')).toBe(true);
    expect(cal.isWorkingDay('2025-03-04')).toBe(false);
  });

  it('rejects malformed dates and contradictory overrides', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('3/3/2025')).toThrow(RangeError);
    expect(() =>
      createCalendar([
        { date: '2025-03-08', kind: 'working' },
        { date: '2025-03-08', kind: 'off' },
      ]),
    ).toThrow(/Conflicting/);
  });
});

describe('nextWorkingDay', () => {
  it('skips the weekend and the whole Tết break', () => {
    expect(calendar.nextWorkingDay('2025-03-07')).toBe('2025-03-10');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
  });
});

describe('receptionStart', () => {
  it.each([
    ['2025-03-03 09:00', '2025-03-03 09:00', 'during office hours: at once'],
    ['2025-03-03 06:00', '2025-03-03 07:00', 'before opening: at 07:00'],
    ['2025-03-03 12:00', '2025-03-03 13:30', 'over lunch: at 13:30'],
    ['2025-03-03 14:59', '2025-03-03 14:59', 'just before 15:00: at once'],
    ['2025-03-03 15:00', '2025-03-04 07:00', 'from 15:00: next working morning'],
    ['2025-03-07 16:00', '2025-03-10 07:00', 'Friday afternoon: Monday morning'],
    ['2025-03-08 10:00', '2025-03-10 07:00', 'on a Saturday: Monday morning'],
    ['2026-02-13 15:30', '2026-02-23 07:00', 'before Tết: after the break'],
  ])('received %s starts %s (%s)', (received, starts) => {
    expect(local(calendar.receptionStart(at(received)))).toBe(starts);
  });
});

describe('addWorkingDays and addWorkingHours', () => {
  it('gives Tuesday 09:00 for a one-day procedure received Monday 09:00', () => {
    const start = calendar.receptionStart(at('2025-03-03 09:00'));
    expect(local(calendar.addWorkingDays(start, 1))).toBe('2025-03-04 09:00');
  });

  it('gives Tuesday 17:00 for a one-day procedure received Monday 15:30 (end of block is valid)', () => {
    const start = calendar.receptionStart(at('2025-03-03 15:30'));
    expect(local(calendar.addWorkingDays(start, 1))).toBe('2025-03-04 17:00');
  });

  it('stops at a block end rather than jumping past the break', () => {
    expect(local(calendar.addWorkingHours(at('2025-03-03 10:00'), 1.5))).toBe('2025-03-03 11:30');
    expect(local(calendar.addWorkingHours(at('2025-03-03 10:00'), 2))).toBe('2025-03-03 14:00');
    expect(local(calendar.addWorkingHours(at('2025-03-03 16:00'), 1.5))).toBe('2025-03-04 07:30');
  });

  it('moves a start outside working time forward before counting', () => {
    expect(local(calendar.addWorkingHours(at('2025-03-03 12:15'), 0))).toBe('2025-03-03 13:30');
    expect(local(calendar.addWorkingHours(at('2025-03-08 12:15'), 1))).toBe('2025-03-10 08:00');
  });

  it('skips the Hùng Kings Sunday and its compensatory Monday', () => {
    expect(local(calendar.addWorkingDays(at('2026-04-24 09:00'), 1))).toBe('2026-04-28 09:00');
  });

  it('skips the five days of Tết 2026', () => {
    expect(local(calendar.addWorkingDays(at('2026-02-13 09:00'), 1))).toBe('2026-02-23 09:00');
  });

  it('counts a Saturday made a working day by override', () => {
    const cal = createCalendar([{ date: '2025-03-08', kind: 'working' }]);
    expect(local(cal.addWorkingDays(at('2025-03-07 09:00'), 1))).toBe('2025-03-08 09:00');
    expect(local(calendar.addWorkingDays(at('2025-03-07 09:00'), 1))).toBe('2025-03-10 09:00');
  });

  it('adds 15 working days across 30/4, 1/5 and two weekends', () => {
    // Thu 17/4/2025 + 15 days: 18,21–25,28,29 (8), 2,5–9 (6), 12 (1) → Mon 12/5.
    expect(local(calendar.addWorkingDays(at('2025-04-17 09:00'), 15))).toBe('2025-05-12 09:00');
  });

  it('rejects negative or non-finite durations', () => {
    expect(() => calendar.addWorkingHours(at('2025-03-03 09:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(at('2025-03-03 09:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('workingMillisBetween and workingDaysBetween', () => {
  it('counts only office hours of working days', () => {
    expect(calendar.workingMillisBetween(at('2025-03-03 07:00'), at('2025-03-03 17:00'))).toBe(8 * HOUR);
    expect(calendar.workingMillisBetween(at('2025-03-03 11:00'), at('2025-03-03 14:00'))).toBe(HOUR);
    // Fri 16:00 → Mon 08:00: one hour each side of the weekend.
    expect(calendar.workingDaysBetween(at('2025-03-07 16:00'), at('2025-03-10 08:00'))).toBe(0.25);
  });

  it('is zero when the end is not after the start', () => {
    expect(calendar.workingMillisBetween(at('2025-03-04 09:00'), at('2025-03-03 09:00'))).toBe(0);
    expect(calendar.workingDaysBetween(at('2025-03-03 09:00'), at('2025-03-03 09:00'))).toBe(0);
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: at('2024-01-01 00:00'), max: at('2030-12-31 23:59') });
  const workingDays = fc.integer({ min: 0, max: 90 });
  const override = fc.record({
    date: fc
      .integer({ min: 0, max: 729 })
      .map((offset) => localDate(at('2025-01-01 12:00') + offset * 24 * HOUR)),
    kind: fc.constantFrom<CalendarOverride['kind']>('off', 'working'),
  });
  const overrides = fc.uniqueArray(override, { selector: (o) => o.date, maxLength: 40 });

  it('lands in working hours of a working day', () => {
    fc.assert(
      fc.property(overrides, instant, workingDays, (rows, start, n) => {
        const cal = createCalendar(rows);
        const end = cal.addWorkingDays(start, n);
        expect(cal.isWorkingDay(localDate(end))).toBe(true);
        expect(inWorkingHours(end)).toBe(true);
      }),
    );
  });

  it('never moves backwards as the number of days grows', () => {
    fc.assert(
      fc.property(instant, workingDays, workingDays, (start, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(start, fewer)).toBeLessThanOrEqual(
          calendar.addWorkingDays(start, more),
        );
      }),
    );
  });

  it('measures back exactly the working days it added', () => {
    fc.assert(
      fc.property(overrides, instant, workingDays, (rows, anyTime, n) => {
        const cal = createCalendar(rows);
        const start = cal.addWorkingHours(anyTime, 0); // now inside working time
        const end = cal.addWorkingDays(start, n);
        expect(Math.abs(cal.workingDaysBetween(start, end) - n)).toBeLessThan(1e-9);
      }),
    );
  });

  it('never counts an overridden day off, and counts an overridden working day', () => {
    fc.assert(
      fc.property(overrides, instant, workingDays, (rows, start, n) => {
        const cal = createCalendar(rows);
        for (const row of rows) expect(cal.isWorkingDay(row.date)).toBe(row.kind === 'working');
        const end = cal.addWorkingDays(start, n);
        for (const row of rows.filter((r) => r.kind === 'off')) {
          const dayStart = at(`${row.date} 00:00`);
          expect(cal.workingMillisBetween(dayStart, dayStart + 24 * HOUR)).toBe(0);
          expect(localDate(end)).not.toBe(row.date);
        }
      }),
    );
  });

  it('only delays deadlines when extra days off are added', () => {
    const weekdayOff = overrides.map((rows) => rows.map((r) => ({ ...r, kind: 'off' as const })));
    fc.assert(
      fc.property(weekdayOff, instant, workingDays, (rows, start, n) => {
        expect(createCalendar(rows).addWorkingDays(start, n)).toBeGreaterThanOrEqual(
          calendar.addWorkingDays(start, n),
        );
      }),
    );
  });
});

describe('holidayRules: legacy', () => {
  // The placement before the announced calendar, as the old holidays tests pinned it.
  const legacy = createCalendar([], { holidayRules: 'legacy' });

  it('keeps the old days off for workflows that started under them', () => {
    // 2025: Tết 28/1–1/2 with Saturday 1/2 compensated on Monday 3/2; 27/1 worked.
    expect(legacy.isWorkingDay('2025-01-27')).toBe(true);
    expect(legacy.isWorkingDay('2025-02-03')).toBe(false);
    // 2024: Sat 10 and Sun 11/2 compensated on Wed 14 and Thu 15; Thu 8/2 worked.
    expect(legacy.isWorkingDay('2024-02-08')).toBe(true);
    expect(legacy.isWorkingDay('2024-02-15')).toBe(false);
    // No swapped Saturday.
    expect(legacy.isWorkingDay('2025-04-26')).toBe(false);
    expect(legacy.isWorkingDay('2025-05-02')).toBe(true);
  });

  it('differs from the announced calendar only in where the days off fall', () => {
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    const start = at('2025-01-24 09:00');
    expect(local(legacy.addWorkingDays(start, 1))).toBe('2025-01-27 09:00');
    expect(local(calendar.addWorkingDays(start, 1))).toBe('2025-02-03 09:00');
  });
});
