/**
 * Working-time arithmetic for processing deadlines ("thời hạn giải quyết") of dossiers.
 *
 * Local time is Asia/Ho_Chi_Minh as a fixed UTC+7 offset (local-time.ts).
 *
 * Rules:
 * - Working days: Monday–Friday, except the year's days off ({@link publicHolidays}), plus the
 *   weekend days announced as working days ({@link announcedWorkingDays}); an override row wins
 *   over all of them ('working' turns a Saturday or a holiday into a working day, 'off' turns a
 *   weekday into a day off).
 * - Working hours: 07:00–11:30 and 13:30–17:00 local, 8 hours a day.
 * - Boundary rule: a working block is closed at both ends when it is a *result*. A duration
 *   that runs out exactly at 11:30 or 17:00 ends there, it does not jump to 13:30 or to the
 *   next morning. So "Mon 15:30 + 1 working day" is Tue 17:00 — which is also the reading
 *   citizens expect: the deadline is the end of Tuesday's office hours.
 */
import { formatIsoDate, isWeekend, parseIsoDate, civilFromDays } from './civil-date';
import { announcedWorkingDays, publicHolidays } from './holidays';
import { legacyPublicHolidays } from './legacy-holidays';
import { assertInstant, HOUR, localDayOf, midnightOf } from './local-time';

export type CalendarOverride = { date: string /* YYYY-MM-DD */; kind: 'off' | 'working' };

export const WORKING_HOURS_PER_DAY = 8;
const WORKING_DAY_MS = WORKING_HOURS_PER_DAY * HOUR;
/** Working blocks as offsets from local midnight; see the boundary rule for their ends. */
const BLOCKS = [
  [7 * HOUR, 11.5 * HOUR],
  [13.5 * HOUR, 17 * HOUR],
] as const;
const DAY_START = BLOCKS[0][0];
/** Dossiers received from this local time on are taken in the next working day. */
export const RECEPTION_CUTOFF = 15 * HOUR;
/** Office hours close: a deadline counted in days falls due then. */
export const OFFICE_CLOSE = BLOCKS[1][1];

function indexOverrides(overrides: CalendarOverride[]): Map<number, boolean> {
  const working = new Map<number, boolean>();
  for (const { date, kind } of overrides) {
    const day = parseIsoDate(date);
    const isWorking = kind === 'working';
    // Two rows saying opposite things about one day is a data error, not a tie to break.
    if (working.get(day) === !isWorking) {
      throw new RangeError(`Conflicting calendar overrides for ${date}`);
    }
    working.set(day, isWorking);
  }
  return working;
}

export type CalendarOptions = {
  /**
   * `announced` (default): the announced days off where known, docs/calendar.md's rules
   * otherwise. `legacy`: the placement used before, for workflows started under it to replay
   * unchanged (choose it with `patched()`); see legacy-holidays.ts.
   */
  holidayRules?: 'announced' | 'legacy';
};

export function createCalendar(overrides: CalendarOverride[] = [], options: CalendarOptions = {}) {
  const overrideByDay = indexOverrides(overrides);
  const legacy = options.holidayRules === 'legacy';
  const yearMemo = new Map<number, { off: Set<number>; working: Set<number> }>();

  function daysOfYear(year: number) {
    let days = yearMemo.get(year);
    if (!days) {
      days = legacy
        ? { off: new Set(legacyPublicHolidays(year).map(parseIsoDate)), working: new Set<number>() }
        : { off: new Set(publicHolidays(year).map(parseIsoDate)), working: new Set(announcedWorkingDays(year).map(parseIsoDate)) };
      yearMemo.set(year, days);
    }
    return days;
  }

  function isWorkingEpochDay(day: number): boolean {
    const override = overrideByDay.get(day);
    if (override !== undefined) return override;
    const { off, working } = daysOfYear(civilFromDays(day).year);
    return working.has(day) || (!isWeekend(day) && !off.has(day));
  }

  /** First working day strictly after `day`. Terminates: overrides are finite. */
  function nextWorkingEpochDay(day: number): number {
    let next = day + 1;
    while (!isWorkingEpochDay(next)) next++;
    return next;
  }

  const openingOf = (day: number) => midnightOf(day) + DAY_START;

  /**
   * The earliest instant at or after `ms` that is working time, with block ends counted as
   * working time (see the boundary rule).
   */
  function clampForward(ms: number): number {
    const day = localDayOf(ms);
    if (isWorkingEpochDay(day)) {
      const midnight = midnightOf(day);
      for (const [start, end] of BLOCKS) {
        if (ms < midnight + start) return midnight + start;
        if (ms <= midnight + end) return ms;
      }
    }
    return openingOf(nextWorkingEpochDay(day));
  }

  /** End of the working block holding `ms`, which must already be clamped. */
  function blockEndOf(ms: number): number {
    const midnight = midnightOf(localDayOf(ms));
    const [, end] = BLOCKS.find(([, blockEnd]) => ms <= midnight + blockEnd) ?? BLOCKS[1];
    return midnight + end;
  }

  /** Start of the first working block after the block ending at `blockEnd`. */
  function nextBlockStart(blockEnd: number): number {
    const day = localDayOf(blockEnd);
    const midnight = midnightOf(day);
    const later = BLOCKS.find(([start]) => blockEnd < midnight + start);
    return later ? midnight + later[0] : openingOf(nextWorkingEpochDay(day));
  }

  /** Adds working milliseconds, one working block at a time. */
  function addWorkingMillis(startMs: number, amount: number): number {
    let at = clampForward(startMs);
    let left = amount;
    for (;;) {
      const end = blockEndOf(at);
      if (left <= end - at) return at + left;
      left -= end - at;
      at = nextBlockStart(end);
    }
  }

  function addWorkingHours(startMs: number, hours: number): number {
    assertInstant(startMs, 'start');
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`hours must be a finite, non-negative number: ${hours}`);
    }
    // Whole milliseconds keep results on the integer grid epoch ms live on.
    return addWorkingMillis(startMs, Math.round(hours * HOUR));
  }

  function workingMillisBetween(aMs: number, bMs: number): number {
    assertInstant(aMs, 'a');
    assertInstant(bMs, 'b');
    let total = 0;
    for (let day = localDayOf(aMs); day <= localDayOf(bMs); day++) {
      if (!isWorkingEpochDay(day)) continue;
      const midnight = midnightOf(day);
      for (const [start, end] of BLOCKS) {
        total += Math.max(0, Math.min(bMs, midnight + end) - Math.max(aMs, midnight + start));
      }
    }
    return total;
  }

  return {
    isWorkingDay: (dateIso: string): boolean => isWorkingEpochDay(parseIsoDate(dateIso)),

    /** First working day strictly after `dateIso`. */
    nextWorkingDay: (dateIso: string): string =>
      formatIsoDate(nextWorkingEpochDay(parseIsoDate(dateIso))),

    /**
     * When the processing clock starts for a dossier received at `ms`: right away (moved
     * forward into working hours) if received on a working day before 15:00, otherwise at
     * 07:00 of the next working day.
     */
    receptionStart(ms: number): number {
      assertInstant(ms, 'reception time');
      const day = localDayOf(ms);
      if (isWorkingEpochDay(day) && ms - midnightOf(day) < RECEPTION_CUTOFF) {
        return clampForward(ms);
      }
      return openingOf(nextWorkingEpochDay(day));
    },

    addWorkingHours,

    addWorkingDays: (startMs: number, days: number): number =>
      addWorkingHours(startMs, days * WORKING_HOURS_PER_DAY),

    /** Working milliseconds in [aMs, bMs]; 0 when bMs <= aMs. */
    workingMillisBetween,

    /** Working time between two instants in working days of 8 hours, fractional. */
    workingDaysBetween: (aMs: number, bMs: number): number =>
      workingMillisBetween(aMs, bMs) / WORKING_DAY_MS,
  };
}

export type WorkingCalendar = ReturnType<typeof createCalendar>;
