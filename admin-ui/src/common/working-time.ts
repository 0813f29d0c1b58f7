import { createCalendar, WORKING_HOURS_PER_DAY } from '../../../domain/calendar';

/**
 * Remaining working time uses the same calendar as the workflows (domain/calendar: weekends,
 * statutory and lunar holidays). The admin's yearly overrides are not loaded here: a badge may
 * be off by a day around an announced swap, the due date itself is always the server's.
 */
const calendar = createCalendar();
const HOUR = 3_600_000;
export const SOON_MS = WORKING_HOURS_PER_DAY * HOUR;

export type DueState = 'on_time' | 'due_soon' | 'overdue' | 'none';

/** Signed working milliseconds from now to `dueAt` (negative once past). */
export function workingLeft(dueAt: string, now = Date.now()): number {
  const due = Date.parse(dueAt);
  return due >= now ? calendar.workingMillisBetween(now, due) : -calendar.workingMillisBetween(due, now) || -1;
}

export function dueState(dueAt: string | null, overdue: boolean, now = Date.now()): DueState {
  if (!dueAt) return 'none';
  if (overdue) return 'overdue';
  const left = workingLeft(dueAt, now);
  if (left < 0) return 'overdue';
  return left < SOON_MS ? 'due_soon' : 'on_time';
}

/** Working days and hours, a working day being 8 hours. */
export function splitWorking(ms: number) {
  const hours = Math.floor(Math.abs(ms) / HOUR);
  const minutes = Math.floor((Math.abs(ms) % HOUR) / 60_000);
  return { d: Math.floor(hours / WORKING_HOURS_PER_DAY), h: hours % WORKING_HOURS_PER_DAY, totalHours: hours, m: minutes };
}
