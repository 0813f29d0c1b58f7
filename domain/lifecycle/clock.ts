import type { Status } from '../status';
import type { Ctx } from './ctx';
import { dueFrom } from './deadline';
import { difficultExtraDays, hasRoute } from './hop-share';
import type { DossierState } from './state';
import { stopClock } from './timeliness';

/**
 * Starts (or restarts, after a supplement or a fee paid up front) the processing clock: the
 * overall due time, and the share of it for the agency holding the dossier now.
 */
export function startClock(s: DossierState, { procedure, calendar, now }: Ctx): DossierState {
  const clockStartAt = calendar.receptionStart(now);
  // The deadline chosen at submission for the dossier's channel and commune, else the pinned rules'.
  const dueAt = dueFrom(s.deadline ?? procedure.deadline, now, calendar);
  const h = procedure.handoff;
  // What the receiving agency keeps is the rules' (counter) total less the department's share,
  // whatever the channel chose: a shorter online deadline shortens the department's stage only.
  const total = procedure.deadline.workingDays;
  // Shares of a hand-off are in working days; without a stated total the share alone bounds the stage.
  const shareDays = !h ? null : s.forwarded ? h.shareWorkingDays : total === null || h.shareWorkingDays === null ? null : total - h.shareWorkingDays + deskExtra(s, procedure);
  const stageDueAt = shareDays === null ? dueAt : Math.min(dueAt ?? Infinity, calendar.addWorkingDays(clockStartAt, Math.max(shareDays, 0)));
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, dueAt: stageDueAt } : x));
  return { ...s, clockStartAt, dueAt, originalDueAt: dueAt, stageDueAt, shares, reminders: [], escalated: false };
}

/** With a hand-off route, the receiving commune's first share keeps an especially difficult commune's extra days (hop-share.ts). */
const deskExtra = (s: DossierState, p: Ctx['procedure']) => (hasRoute(p) ? difficultExtraDays(s, p) : 0);

/**
 * The citizen's wait (for the fee) does not count against the office: every due time moves on by
 * the working time spent waiting (in whole minutes, so an instant payment changes nothing).
 */
export function resumeClock(s: DossierState, ctx: Ctx): DossierState {
  return s.paymentRequestedAt == null ? s : shiftDue(s, s.paymentRequestedAt, ctx);
}

/** Every due time moves on by the working time since `since` (whole minutes): a pause that was not the office's. */
export function shiftDue(s: DossierState, since: number, { calendar, now }: Ctx): DossierState {
  const minutes = Math.floor(calendar.workingMillisBetween(since, now) / 60_000);
  if (minutes <= 0) return s;
  const later = (t: number | null) => (t === null ? null : calendar.addWorkingHours(t, minutes / 60));
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, dueAt: later(x.dueAt) } : x));
  const original = s.originalDueAt === undefined ? {} : { originalDueAt: later(s.originalDueAt) };
  return { ...s, dueAt: later(s.dueAt), ...original, stageDueAt: later(s.stageDueAt), shares };
}

/** Stamps the moment a dossier's result becomes ready (the clock stops), whichever step got it there. */
export function reachResult(s: DossierState, next: DossierState, ctx: Ctx): DossierState {
  if (ctx.patches?.clockStopsAtResult === false) return next;
  if (s.status === 'RESULT_READY' || next.status !== 'RESULT_READY' || next.resultReadyAt != null) return next;
  return stopClock(next, ctx.now, ctx.calendar);
}

/** Closes the dossier in a final status: the open agency share ends now. */
export function finish(s: DossierState, status: Status, now: number): DossierState {
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: now } : x));
  // A closed dossier is at no stage any more (a posting ends with it).
  return { ...s, status, finishedAt: now, shares, ...(s.stage ? { stage: null } : {}) };
}

/** Moves the dossier to another agency: the open share ends, a new one starts with its own due time. */
export function enterAgency(s: DossierState, agencyCode: string, now: number, dueAt: number | null): DossierState {
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: now } : x));
  return { ...s, agencyCode, assigneeId: null, stageDueAt: dueAt, shares: [...shares, { agencyCode, enteredAt: now, leftAt: null, dueAt }] };
}
