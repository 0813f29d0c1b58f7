// Time units and actors the workflow tests and scripts/record-histories.ts share.
import type { Actor, Role } from '../../../domain/roles';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The commune every test dossier is filed at. */
export const COMMUNE = 'H38.X001';

export const officer = (role: Role, agencyCode: string): Actor => ({ id: `${role}@${agencyCode}`, role, agencyCode });
export const citizen: Actor = { id: 'citizen-1', role: 'citizen', agencyCode: null };

/** Vietnam local time (UTC+7, no daylight saving): the calendar's and the deadlines' clock. */
const LOCAL = 7 * HOUR;
/** The local `YYYY-MM-DD HH:mm` of an instant, to state an expected time as a person reads it. */
export const localTime = (ms: number) => new Date(ms + LOCAL).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The first Friday after `now` that is a working day in `calendar`, at `hh:mm` local: where a test
 * wants a dossier received after the 15:00 cut-off before a weekend (docs/calendar.md).
 */
export function nextWorkingFridayAt(now: number, calendar: { isWorkingDay(iso: string): boolean }, hh: number, mm: number): number {
  const midnight = (ms: number) => ms - ((ms + LOCAL) % DAY);
  for (let day = midnight(now) + DAY; ; day += DAY) {
    const iso = localTime(day).slice(0, 10);
    if (new Date(day + LOCAL).getUTCDay() === 5 && calendar.isWorkingDay(iso)) return day + hh * HOUR + mm * MINUTE;
  }
}
