/**
 * The days off as this module placed them before the announced calendar (docs/calendar.md):
 * Tết on the last day of the lunar year and 1–4 Tết, 2/9 with 1/9, art. 112(3) compensatory days,
 * no announced runs and no swapped Saturdays. Kept only so that workflows started under it can
 * replay the same deadlines: `createCalendar(overrides, { holidayRules: 'legacy' })` behind a
 * `patched()` check. Nothing new should use it.
 */
import { daysFromCivil, formatIsoDate, isWeekend } from './civil-date';
import { lunarToSolar } from './lunar';

function lunarDay(day: number, month: number, year: number): number {
  const solar = lunarToSolar(day, month, year);
  return daysFromCivil(solar.year, solar.month, solar.day);
}

/** ISO dates of every day off of `year` under the legacy placement, sorted and unique. */
export function legacyPublicHolidays(year: number): string[] {
  const solar = (month: number, day: number) => daysFromCivil(year, month, day);
  const tet = lunarDay(1, 1, year);
  const statutory = [
    solar(1, 1),
    ...[-1, 0, 1, 2, 3].map((offset) => tet + offset),
    lunarDay(10, 3, year),
    solar(4, 30),
    solar(5, 1),
    solar(9, 1),
    solar(9, 2),
  ].sort((a, b) => a - b);
  const taken = new Set(statutory);
  const compensatory: number[] = [];
  for (const [index, day] of statutory.entries()) {
    if (!isWeekend(day) || statutory[index - 1] === day) continue;
    let next = day + 1;
    while (isWeekend(next) || taken.has(next)) next++;
    taken.add(next);
    compensatory.push(next);
  }
  return [...new Set([...statutory, ...compensatory])].sort((a, b) => a - b).map(formatIsoDate);
}
