import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lunarToSolar, solarToLunar } from './lunar';
import { civilFromDays, daysFromCivil } from './civil-date';

describe('lunarToSolar', () => {
  it.each([
    [2024, { year: 2024, month: 2, day: 10 }],
    [2025, { year: 2025, month: 1, day: 29 }],
    [2026, { year: 2026, month: 2, day: 17 }],
    [2027, { year: 2027, month: 2, day: 6 }],
  ])('places Tết (1/1) of %i', (year, expected) => {
    expect(lunarToSolar(1, 1, year)).toEqual(expected);
  });

  it.each([
    [2024, { year: 2024, month: 4, day: 18 }],
    [2025, { year: 2025, month: 4, day: 7 }],
    [2026, { year: 2026, month: 4, day: 26 }],
  ])('places the Hùng Kings anniversary (10/3) of %i', (year, expected) => {
    expect(lunarToSolar(10, 3, year)).toEqual(expected);
  });

  it('uses Vietnam time (UTC+7), where Tết can differ from the Chinese New Year', () => {
    // 1985: a new moon close to midnight started month 11 on different days in Hanoi and
    // Beijing, which put Tết a whole month apart (China: 20 February).
    expect(lunarToSolar(1, 1, 1985)).toEqual({ year: 1985, month: 1, day: 21 });
    // 2007: Vietnam celebrated on 17 February, China on 18 February.
    expect(lunarToSolar(1, 1, 2007)).toEqual({ year: 2007, month: 2, day: 17 });
  });

  it.each([
    [2020, 4, { year: 2020, month: 5, day: 23 }],
    [2023, 2, { year: 2023, month: 3, day: 22 }],
    [2025, 6, { year: 2025, month: 7, day: 25 }],
  ])('places the leap month of %i (month %i)', (year, month, expected) => {
    expect(lunarToSolar(1, month, year, true)).toEqual(expected);
    expect(solarToLunar(expected.day, expected.month, expected.year)).toEqual({
      year,
      month,
      day: 1,
      leap: true,
    });
  });

  it('rejects a leap month the lunar year does not have', () => {
    expect(() => lunarToSolar(1, 3, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 3, 2024, true)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('knows the last day of the lunar year is the 29th or 30th of month 12', () => {
    expect(solarToLunar(9, 2, 2024)).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(solarToLunar(28, 1, 2025)).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar(16, 2, 2026)).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it('round-trips with lunarToSolar for every day of 1900–2199', () => {
    const first = daysFromCivil(1900, 1, 1);
    const last = daysFromCivil(2199, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (epochDay) => {
        const solar = civilFromDays(epochDay);
        const lunar = solarToLunar(solar.day, solar.month, solar.year);
        expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toEqual(solar);
      }),
      { numRuns: 2000 },
    );
  });
});
