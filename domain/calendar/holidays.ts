/**
 * Days off of a solar year: the government's announcement where we have it
 * (announced-days-off.ts), otherwise computed from the Labour Code 2019, art. 112 (in force since
 * 2021; earlier years follow today's law, not history). Rules and sources: docs/calendar.md.
 *
 * The law fixes how many days, not always which ones. For a year without an announcement we place
 * them as recent announcements have; a year that departs from that goes into the data file, or
 * an administrator enters it in the `holidays` table.
 */
import { ANNOUNCED_YEARS, type AnnouncedYear } from './announced-days-off';
import { daysFromCivil, formatIsoDate, isWeekend, parseIsoDate, weekdayOf } from './civil-date';
import type { HolidayName } from './holiday-name';
import { lunarToSolar } from './lunar';

export type { HolidayName } from './holiday-name';

export type Holiday = {
  date: string;
  name: HolidayName;
  /**
   * `announced`: a day of a run the government announced (weekends inside it included);
   * `statutory`: a day art. 112(1) gives, placed by our rules; `compensatory`: the day off
   * art. 112(3) grants for a statutory day on a weekend.
   */
  basis: 'announced' | 'statutory' | 'compensatory';
  source: string;
};

type DayOff = { epochDay: number; name: HolidayName; source: string };

const LAW = 'Labour Code 2019 art. 112';

function lunarDay(day: number, month: number, year: number): number {
  const solar = lunarToSolar(day, month, year);
  return daysFromCivil(solar.year, solar.month, solar.day);
}

/**
 * Tết: five weekdays in a row, from the first weekday on or after the day two days before
 * 1 Tết (28 or 29 Chạp). This reproduces every announcement from 2021 to 2026 (2024: Thu 8/2 –
 * Wed 14/2; 2025: Mon 27/1 – Fri 31/1; 2026: Mon 16/2 – Fri 20/2), which place all five days
 * on weekdays instead of compensating weekend ones. Tết is never before 21 January, so the
 * days stay in the solar year.
 */
export function tetWeekdays(year: number): number[] {
  let day = lunarDay(1, 1, year) - 2;
  const days: number[] = [];
  while (days.length < 5) {
    if (!isWeekend(day)) days.push(day);
    day++;
  }
  return days;
}

/**
 * The law gives 2/9 "and one day before or after". We take the one that joins 2/9 to a weekend
 * when there is one — 3/9 when 2/9 is a Thursday (2021) or a Monday (2024, where 1/9 is a
 * Sunday) — and otherwise the day before, as announced for 2022 and 2025.
 */
export function nationalDayNeighbour(year: number): number {
  const second = daysFromCivil(year, 9, 2);
  const weekday = weekdayOf(second);
  return weekday === 1 || weekday === 4 ? second + 1 : second - 1;
}

function statutoryDays(year: number): DayOff[] {
  const solar = (month: number, day: number) => daysFromCivil(year, month, day);
  const rule = (name: HolidayName, clause: string) => (epochDay: number): DayOff => ({ epochDay, name, source: `${LAW}(1)(${clause})` });
  return [
    rule('new-year', 'a')(solar(1, 1)),
    ...tetWeekdays(year).map((day) => ({ ...rule('tet', 'b')(day), source: `${LAW}(1)(b), placed as recent announcements do` })),
    // Month 3, not a leap month 3: the anniversary follows the regular month.
    rule('hung-kings', 'c')(lunarDay(10, 3, year)),
    rule('reunification', 'd')(solar(4, 30)),
    rule('labour-day', 'đ')(solar(5, 1)),
    rule('national-day', 'e')(solar(9, 2)),
    { ...rule('national-day', 'e')(nationalDayNeighbour(year)), source: `${LAW}(1)(e), the adjacent day by our rule` },
  ].sort((a, b) => a.epochDay - b.epochDay);
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
    result.push({ epochDay: day, name: holiday.name, source: `${LAW}(3): ${formatIsoDate(holiday.epochDay)} is a weekend day` });
  }
  return result;
}

function computedHolidays(year: number): Holiday[] {
  const statutory = statutoryDays(year);
  const toHoliday = (basis: Holiday['basis']) => (d: DayOff): Holiday => ({ date: formatIsoDate(d.epochDay), name: d.name, basis, source: d.source });
  return [...statutory.map(toHoliday('statutory')), ...compensatoryDays(statutory).map(toHoliday('compensatory'))];
}

function announcedHolidays(announced: AnnouncedYear): Holiday[] {
  return announced.off.flatMap((run) => {
    const days: Holiday[] = [];
    for (let day = parseIsoDate(run.from); day <= parseIsoDate(run.to); day++) {
      days.push({ date: formatIsoDate(day), name: run.name, basis: 'announced', source: run.source });
    }
    return days;
  });
}

const byDate = (a: Holiday, b: Holiday) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Every day off of a solar year, in date order (weekend days too where a rule names them). */
export function holidaysOf(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const announced = ANNOUNCED_YEARS[year];
  return (announced ? announcedHolidays(announced) : computedHolidays(year)).sort(byDate);
}

/** ISO dates (YYYY-MM-DD) of every day off from {@link holidaysOf}, sorted and unique. */
export function publicHolidays(year: number): string[] {
  return [...new Set(holidaysOf(year).map((h) => h.date))];
}

/** Weekend days the government turned into working days in `year` (swapped for a weekday off). */
export function announcedWorkingDays(year: number): string[] {
  return (ANNOUNCED_YEARS[year]?.working ?? []).map((w) => w.date);
}
