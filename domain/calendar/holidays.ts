/**
 * Public holidays under the Labour Code 2019, art. 112 (in force since 2021; earlier years had
 * a one-day National Day, so results for years before 2021 follow today's law, not history).
 *
 * The law fixes how many days, not always which ones. Where it leaves a choice we take the
 * placement the government has used; a year that departs from it (swapped days, bridge days)
 * is handled by the admin override table, not here.
 */
import { formatIsoDate, daysFromCivil, isWeekend } from './civil-date';
import { lunarToSolar } from './lunar';

export type HolidayName =
  | 'new-year'
  | 'tet'
  | 'hung-kings'
  | 'reunification'
  | 'labour-day'
  | 'national-day';

export type Holiday = {
  date: string;
  name: HolidayName;
  /** True for the day off granted because `name` fell on a weekly rest day (art. 112(3)). */
  compensatory: boolean;
};

type DayOff = { epochDay: number; name: HolidayName };

function lunarDay(day: number, month: number, year: number): number {
  const solar = lunarToSolar(day, month, year);
  return daysFromCivil(solar.year, solar.month, solar.day);
}

function statutoryDays(year: number): DayOff[] {
  const solar = (month: number, day: number) => daysFromCivil(year, month, day);
  const tet = lunarDay(1, 1, year);
  return [
    { epochDay: solar(1, 1), name: 'new-year' },
    // Tết: 5 days. Placed as the last day of the old lunar year (29 or 30 Tết) plus 1–4 Tết.
    // Tết never falls before 21 January, so all five days belong to the same solar year.
    ...[-1, 0, 1, 2, 3].map((offset): DayOff => ({ epochDay: tet + offset, name: 'tet' })),
    // Month 3, not a leap month 3: the anniversary follows the regular month.
    { epochDay: lunarDay(10, 3, year), name: 'hung-kings' },
    { epochDay: solar(4, 30), name: 'reunification' },
    { epochDay: solar(5, 1), name: 'labour-day' },
    // The law gives 2/9 "and one day before or after"; the government chose 1/9 for 2025 and
    // 2026, and we keep that until a year says otherwise (override table).
    { epochDay: solar(9, 1), name: 'national-day' },
    { epochDay: solar(9, 2), name: 'national-day' },
  ];
}

/**
 * Art. 112(3): a holiday on a Saturday or Sunday gives a day off on the next working day.
 * Processed in date order so that two weekend holidays in a row get two distinct days.
 * Two holidays on one date cost one rest day, so they earn one compensatory day, not two.
 * (Hùng Kings ranges over 30/3–30/4; it last fell on 30/4 in 1947 and does not again before
 * 2200, so this guard is for the algorithm's sake, not a live case.)
 */
function compensatoryDays(sortedHolidays: DayOff[]): DayOff[] {
  const taken = new Set(sortedHolidays.map((h) => h.epochDay));
  const result: DayOff[] = [];
  for (const [index, holiday] of sortedHolidays.entries()) {
    if (!isWeekend(holiday.epochDay)) continue;
    if (sortedHolidays[index - 1]?.epochDay === holiday.epochDay) continue;
    let day = holiday.epochDay + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    result.push({ epochDay: day, name: holiday.name });
  }
  return result;
}

/** Every public holiday and compensatory day off of a solar year, in date order. */
export function holidaysOf(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const statutory = statutoryDays(year).sort((a, b) => a.epochDay - b.epochDay);
  const toHoliday = (compensatory: boolean) => (d: DayOff): Holiday => ({
    date: formatIsoDate(d.epochDay),
    name: d.name,
    compensatory,
  });
  return [
    ...statutory.map(toHoliday(false)),
    ...compensatoryDays(statutory).map(toHoliday(true)),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** ISO dates (YYYY-MM-DD) of every day off from {@link holidaysOf}, sorted and unique. */
export function publicHolidays(year: number): string[] {
  return [...new Set(holidaysOf(year).map((h) => h.date))];
}
