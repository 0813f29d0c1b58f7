import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANNOUNCED_YEARS } from './announced-days-off';
import { announcedWorkingDays, holidaysOf, publicHolidays, tetWeekdays } from './holidays';
import { daysFromCivil, formatIsoDate, isWeekend, parseIsoDate } from './civil-date';
import { lunarToSolar, solarToLunar } from './lunar';

/** Art. 112(1): 1 (New Year) + 5 (Tết) + 1 (Hùng Kings) + 1 (30/4) + 1 (1/5) + 2 (National Day). */
const LAW_DAYS_OFF = 11;
const weekdaysOff = (year: number) => publicHolidays(year).filter((d) => !isWeekend(parseIsoDate(d))).length;
const lunar = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return solarToLunar(d, m, y);
};

describe('announced years (2024–2026)', () => {
  // Sources of each run: announced-days-off.ts. These lists were written out from the
  // announcements by hand, weekdays only (a weekend day off is no news).
  it.each([
    [2024, ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03']],
    [2025, ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02']],
    [2026, ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '04-27', '04-30', '05-01', '09-01', '09-02']],
  ])('%i: the weekdays off are the announced ones', (year, days) => {
    expect(publicHolidays(year).filter((d) => !isWeekend(parseIsoDate(d)))).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('lists the swapped working Saturdays', () => {
    expect(announcedWorkingDays(2024)).toEqual(['2024-05-04']);
    expect(announcedWorkingDays(2025)).toEqual(['2025-04-26']);
    expect(announcedWorkingDays(2026)).toEqual(['2026-01-10']);
    expect(announcedWorkingDays(2027)).toEqual([]);
  });

  it.each(Object.keys(ANNOUNCED_YEARS).map(Number))('%i gives the law’s 11 working days off, net of swapped working days', (year) => {
    expect(weekdaysOff(year) - announcedWorkingDays(year).length).toBe(LAW_DAYS_OFF);
    for (const date of announcedWorkingDays(year)) expect(isWeekend(parseIsoDate(date))).toBe(true);
  });

  it.each(Object.keys(ANNOUNCED_YEARS).map(Number))('%i: every day the law names is off, each run is in the year and names its source', (year) => {
    const off = new Set(publicHolidays(year));
    const tet = lunarToSolar(1, 1, year);
    const hung = lunarToSolar(10, 3, year);
    const named = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`, formatIsoDate(daysFromCivil(tet.year, tet.month, tet.day)), formatIsoDate(daysFromCivil(hung.year, hung.month, hung.day))];
    for (const date of named) expect(off.has(date), date).toBe(true);
    for (const h of holidaysOf(year)) {
      expect(h.date.startsWith(`${year}-`)).toBe(true);
      expect(h.basis).toBe('announced');
      expect(h.source.length).toBeGreaterThan(10);
    }
  });

  it('places the computed Tết rule on exactly the announced Tết weekdays (the rule is fitted to them)', () => {
    // The fallback is only used for other years; here we check it would have agreed.
    for (const year of [2024, 2025, 2026]) {
      const announced = holidaysOf(year).filter((h) => h.name === 'tet' && !isWeekend(parseIsoDate(h.date))).map((h) => h.date);
      const computed = tetWeekdays(year).map(formatIsoDate);
      expect(computed).toEqual(announced);
    }
  });
});

describe('computed years (no announcement)', () => {
  it('lists 2027: Tết on five weekdays from 28 Chạp, Hùng Kings, and 2/9 with 3/9', () => {
    // 1 Tết Đinh Mùi is Saturday 6/2/2027; two days before is Thursday 4/2.
    // 10/3 lunar is Friday 16/4/2027. 2/9/2027 is a Thursday: the adjacent day is Friday 3/9.
    expect(publicHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01', // a Saturday…
      '2027-05-03', // …compensated on Monday (art. 112(3))
      '2027-09-02',
      '2027-09-03',
    ]);
    expect(lunar('2027-02-06')).toMatchObject({ month: 1, day: 1 });
  });

  it('takes 1/9 when 2/9 is a Tuesday (2031) and compensates a Sunday 2/9 (2029) on the Monday and Tuesday', () => {
    expect(publicHolidays(2031)).toEqual(expect.arrayContaining(['2031-09-01', '2031-09-02']));
    // 2029: 1/9 Saturday and 2/9 Sunday, both compensated: Monday 3/9 and Tuesday 4/9.
    const nd = holidaysOf(2029).filter((h) => h.name === 'national-day');
    expect(nd.map((h) => [h.date, h.basis])).toEqual([
      ['2029-09-01', 'statutory'],
      ['2029-09-02', 'statutory'],
      ['2029-09-03', 'compensatory'],
      ['2029-09-04', 'compensatory'],
    ]);
  });

  it('places Tết on five weekdays in a row, from two days before 1 Tết, for any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2199 }), (year) => {
        const tet = holidaysOf(year).filter((h) => h.name === 'tet').map((h) => h.date);
        expect(tet).toHaveLength(5);
        expect(tet.every((d) => !isWeekend(parseIsoDate(d)))).toBe(true);
        // Consecutive weekdays: no gap longer than a weekend.
        for (let i = 1; i < 5; i++) expect(parseIsoDate(tet[i]!) - parseIsoDate(tet[i - 1]!)).toBeLessThanOrEqual(3);
        const solar = lunarToSolar(1, 1, year);
        const firstOfYear = daysFromCivil(solar.year, solar.month, solar.day);
        const first = parseIsoDate(tet[0]!);
        // It starts two days before 1 Tết (28 or 29 Chạp), or on the first weekday after that.
        expect(first).toBeGreaterThanOrEqual(firstOfYear - 2);
        for (let day = firstOfYear - 2; day < first; day++) expect(isWeekend(day)).toBe(true);
        expect(lunar(tet[0]!).month === 12 || first === firstOfYear).toBe(true);
      }),
    );
  });

  it('is sorted, unique, inside the year, and gives the law’s 11 working days off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2199 }), (year) => {
        const dates = publicHolidays(year);
        expect([...new Set(dates)].sort()).toEqual(dates);
        expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
        expect(weekdaysOff(year)).toBe(LAW_DAYS_OFF);

        const all = holidaysOf(year);
        const statutory = all.filter((h) => h.basis === 'statutory');
        const compensatory = all.filter((h) => h.basis === 'compensatory');
        const weekendHolidays = new Set(statutory.filter((h) => isWeekend(parseIsoDate(h.date))).map((h) => h.date));
        expect(compensatory).toHaveLength(weekendHolidays.size);
        for (const day of compensatory) {
          expect(isWeekend(parseIsoDate(day.date))).toBe(false);
          expect(statutory.some((h) => h.date === day.date)).toBe(false);
        }
      }),
    );
  });
});
