import { dueAt } from '../calendar/deadline';
import type { Deadline } from '../procedure-rules';
import type { WorkingCalendar } from './calendar-port';

const DAY_MS = 24 * 3_600_000;

/**
 * When a clock started by a reception at `receivedAt` runs out under a procedure's deadline, or
 * null when the procedure states no time. Rules without a `kind` keep the working-hour count of
 * version-1 dossiers (replayed as they ran); rules with one are counted as the law counts them.
 */
export function dueFrom(d: Deadline, receivedAt: number, calendar: WorkingCalendar): number | null {
  const start = calendar.receptionStart(receivedAt);
  switch (d.kind) {
    case undefined:
      if (d.workingDays !== null) return calendar.addWorkingDays(start, d.workingDays);
      return d.calendarDays === undefined ? null : start + d.calendarDays * DAY_MS;
    case 'same-day':
      return dueAt(receivedAt, { kind: 'same-day' }, calendar);
    case 'working-days':
      return d.workingDays === null ? null : dueAt(receivedAt, { kind: 'working-days', amount: d.workingDays }, calendar);
    case 'working-hours':
      return d.workingDays === null ? null : dueAt(receivedAt, { kind: 'working-hours', amount: d.workingDays * 8 }, calendar);
    case 'calendar-days':
      return d.calendarDays === undefined ? null : dueAt(receivedAt, { kind: 'calendar-days', amount: d.calendarDays }, calendar);
  }
}
