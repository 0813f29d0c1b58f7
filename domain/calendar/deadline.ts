/**
 * When a dossier falls due, for each way a procedure states its deadline. Rules, and the legal
 * basis of each, in docs/calendar.md; in short (local time, UTC+7):
 * - A dossier received from 15:00 on, or on a day off, is taken in on the next working day: the
 *   day counts start from that "reception day" (the cut-off `receptionStart` applies too).
 * - `same-day`: office close (17:00) of the reception day.
 * - `working-days`: 17:00 of the N-th working day after the reception day, which itself does not
 *   count.
 * - `working-hours`: N working hours from `receptionStart`, as `addWorkingHours` counts them.
 * - `calendar-days`: 17:00 of the N-th calendar day after the reception day (Civil Code 2015
 *   art. 147(2): the first day is not counted); when that day is a day off, 17:00 of the next
 *   working day (art. 148(5)).
 *
 * Pure: `dueAt` is safe to call from workflow code.
 */
import { formatIsoDate, parseIsoDate } from './civil-date';
import { assertInstant, localDayOf, midnightOf } from './local-time';
import { OFFICE_CLOSE, RECEPTION_CUTOFF, type WorkingCalendar } from './working-time';

export const DEADLINE_KINDS = ['working-days', 'same-day', 'working-hours', 'calendar-days'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Deadline =
  | { kind: 'same-day' }
  | { kind: 'working-days'; amount: number }
  | { kind: 'working-hours'; amount: number }
  | { kind: 'calendar-days'; amount: number };

/** What `dueAt` needs of a calendar (createCalendar's result has it). */
export type DeadlineCalendar = Pick<WorkingCalendar, 'isWorkingDay' | 'nextWorkingDay' | 'receptionStart' | 'addWorkingHours'>;

/** The local day (epoch days) a dossier received at `ms` is taken in: see the header. */
function receptionDay(ms: number, calendar: DeadlineCalendar): number {
  const day = localDayOf(ms);
  const iso = formatIsoDate(day);
  if (calendar.isWorkingDay(iso) && ms - midnightOf(day) < RECEPTION_CUTOFF) return day;
  return parseIsoDate(calendar.nextWorkingDay(iso));
}

/** The N-th working day after `day` (N = 0: `day` itself). */
function nthWorkingDayAfter(day: number, n: number, calendar: DeadlineCalendar): number {
  let iso = formatIsoDate(day);
  for (let i = 0; i < n; i++) iso = calendar.nextWorkingDay(iso);
  return parseIsoDate(iso);
}

const closeOf = (day: number) => midnightOf(day) + OFFICE_CLOSE;

function assertCount(amount: number, kind: DeadlineKind): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`${kind} needs a whole, non-negative amount: ${amount}`);
  }
}

/** The instant (epoch ms) a dossier received at `receivedAtMs` falls due. */
export function dueAt(receivedAtMs: number, deadline: Deadline, calendar: DeadlineCalendar): number {
  assertInstant(receivedAtMs, 'reception time');
  switch (deadline.kind) {
    case 'same-day':
      return closeOf(receptionDay(receivedAtMs, calendar));
    case 'working-days':
      assertCount(deadline.amount, deadline.kind);
      return closeOf(nthWorkingDayAfter(receptionDay(receivedAtMs, calendar), deadline.amount, calendar));
    case 'working-hours':
      return calendar.addWorkingHours(calendar.receptionStart(receivedAtMs), deadline.amount);
    case 'calendar-days': {
      assertCount(deadline.amount, deadline.kind);
      const last = receptionDay(receivedAtMs, calendar) + deadline.amount;
      const iso = formatIsoDate(last);
      return closeOf(calendar.isWorkingDay(iso) ? last : parseIsoDate(calendar.nextWorkingDay(iso)));
    }
  }
}
