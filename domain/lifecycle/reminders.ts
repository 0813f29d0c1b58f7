import type { WorkingCalendar } from './calendar-port';
import type { DossierState } from './state';

export const HOUR = 3_600_000;
export type ReminderKind = 'reminder-75' | 'reminder-1d';

/** Reminder points inside the processing period: 75% of the working time, and 1 working day left. */
export function reminderPoints(s: DossierState, cal: WorkingCalendar): { kind: ReminderKind; at: number }[] {
  if (s.clockStartAt === null || s.dueAt === null) return [];
  const totalHours = cal.workingMillisBetween(s.clockStartAt, s.dueAt) / HOUR;
  const points: { kind: ReminderKind; at: number }[] = [{ kind: 'reminder-75', at: cal.addWorkingHours(s.clockStartAt, totalHours * 0.75) }];
  if (totalHours > 8) points.push({ kind: 'reminder-1d', at: cal.addWorkingHours(s.clockStartAt, totalHours - 8) });
  return points;
}
