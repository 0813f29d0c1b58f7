import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holidaysOf, publicHolidays } from './holidays';
import { isWeekend, parseIsoDate } from './civil-date';
import { solarToLunar } from './lunar';

describe('publicHolidays', () => {
  it('lists 2025: Tết 28/1–1/2 with a compensatory Monday for Saturday 1/2', () => {
    expect(publicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-01-28', // 29 Tết (month 12 of Giáp Thìn has 29 days)
      '2025-01-29', // 1 Tết
      '2025-01-30',
      '2025-01-31',
      '2025-02-01', // 4 Tết, a Saturday…
      '2025-02-03', // …compensated on Monday
      '2025-04-07', // Hùng Kings, 10/3
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('lists 2026: Hùng Kings on Sunday 26/4 gives Monday 27/4 off', () => {
    expect(publicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-16', // 29 Tết
      '2026-02-17', // 1 Tết
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Hùng Kings, a Sunday…
      '2026-04-27', // …compensated on Monday
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('gives two weekend holidays two distinct compensatory days after the holiday run', () => {
    // 2024: Tết runs Fri 9/2 – Tue 13/2; Sat 10 and Sun 11 are compensated on Wed 14 and Thu 15.
    const tet2024 = holidaysOf(2024).filter((h) => h.name === 'tet');
    expect(tet2024.filter((h) => h.compensatory).map((h) => h.date)).toEqual([
      '2024-02-14',
      '2024-02-15',
    ]);
    // 2024: 1/9 is a Sunday → Tuesday 3/9, since Monday 2/9 is itself a holiday.
    expect(publicHolidays(2024)).toContain('2024-09-03');
  });

  it('places Tết on the last day of the lunar year and 1–4 Tết, for any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2199 }), (year) => {
        const tet = holidaysOf(year).filter((h) => h.name === 'tet' && !h.compensatory);
        const lunar = tet.map((h) => {
          const [y, m, d] = h.date.split('-').map(Number) as [number, number, number];
          return solarToLunar(d, m, y);
        });
        expect(lunar[0]).toMatchObject({ year: year - 1, month: 12 });
        expect(lunar.slice(1)).toEqual(
          [1, 2, 3, 4].map((day) => ({ year, month: 1, day, leap: false })),
        );
      }),
    );
  });

  it('is sorted, unique, inside the year, and compensates every weekend holiday once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2199 }), (year) => {
        const dates = publicHolidays(year);
        expect([...new Set(dates)].sort()).toEqual(dates);
        expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);

        const all = holidaysOf(year);
        const statutory = all.filter((h) => !h.compensatory);
        const compensatory = all.filter((h) => h.compensatory);
        const weekendHolidays = new Set(
          statutory.filter((h) => isWeekend(parseIsoDate(h.date))).map((h) => h.date),
        );
        expect(compensatory).toHaveLength(weekendHolidays.size);
        for (const day of compensatory) {
          expect(isWeekend(parseIsoDate(day.date))).toBe(false);
          expect(statutory.some((h) => h.date === day.date)).toBe(false);
        }
      }),
    );
  });
});
