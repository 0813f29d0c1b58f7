import type { WorkingCalendar } from './calendar-port';
import type { DossierState } from './state';

/**
 * How Decision 766/QĐ-TTg counts a dossier's processing (docs/decision-766.md): `early` when the
 * result was ready at least one working day before the due date, `on-time` when ready by it,
 * `late` after it. Refused, cancelled and withdrawn dossiers are not classified.
 */
export const TIMELINESS = ['early', 'on-time', 'late'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** One working day of the calendar (8 working hours): the margin that makes a result `early`. */
const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * Online dossiers left unreceived this long escalate to the supervisor: the receiving officer is
 * to check an online dossier and receive it (or say what is missing) within 8 working hours
 * (Decree 61/2018/NĐ-CP on the one-stop shop, as amended by Decree 107/2021/NĐ-CP; see
 * docs/decision-766.md, "Reception deadline").
 */
export const ONLINE_RECEPTION_WORKING_HOURS = 8;

/** The class of a result ready at `readyAt` against the due date the law set (never an extension). */
export function classify(readyAt: number, dueAt: number | null, cal: WorkingCalendar): Timeliness | null {
  if (dueAt === null) return null;
  if (readyAt > dueAt) return 'late';
  return cal.workingMillisBetween(readyAt, dueAt) >= WORKING_DAY_MS ? 'early' : 'on-time';
}

/**
 * The due date the classification uses: the one the clock set, not an apology's new appointment.
 * Dossiers whose clock started before `originalDueAt` was kept fall back to `dueAt`.
 */
export const originalDue = (s: DossierState): number | null => (s.originalDueAt === undefined ? s.dueAt : s.originalDueAt);

/** The processing clock stops when the result is ready: the wait for the citizen to collect it is theirs. */
export function stopClock(s: DossierState, now: number, cal: WorkingCalendar): DossierState {
  return { ...s, resultReadyAt: now, resultAgencyCode: s.agencyCode, timeliness: classify(now, originalDue(s), cal) };
}
