// An administrator's correction of a procedure's deadlines, per channel (docs/procedures.md,
// docs/calendar.md): the counter's (`deadline`, also the kiosk's) and the online and postal
// channels' own (`deadlines`). Checked here so that every channel's time is one the calendar can
// count; a bad one is 422, the rule broken named.
import { z } from 'zod';
import type { Deadline, ProcedureRules } from '../domain/procedure';
import { unprocessable } from './problem';

export const DEADLINE_KINDS = ['working-days', 'working-hours', 'calendar-days', 'same-day'] as const;

export const deadlineChangeSchema = z
  .object({
    workingDays: z.number().positive().max(365).nullable(),
    calendarDays: z.number().int().positive().max(730).optional(),
    /** How the time is counted (docs/calendar.md); left out, a version keeps the current way. */
    kind: z.enum(DEADLINE_KINDS).optional(),
  })
  .strict();
export type DeadlineChange = z.infer<typeof deadlineChangeSchema>;

/** The online and postal channels' own deadlines: a deadline sets one, null drops it (the channel runs on the counter's). */
export const channelDeadlinesSchema = z
  .object({ online: deadlineChangeSchema.nullable().optional(), post: deadlineChangeSchema.nullable().optional() })
  .strict();

/** `c` as a deadline counted the way `kind` (or, left out, `currentKind`) says, or 422 when it cannot be counted so. */
export function deadlineOf(c: DeadlineChange, currentKind: Deadline['kind'], where = 'the deadline'): Deadline {
  // A same-day procedure given a number of days with no kind: those are working days (a "same-day
  // of 5 days" counts nothing: same-day ignores the number).
  const kind = c.kind ?? (currentKind === 'same-day' && c.workingDays !== null ? 'working-days' : currentKind);
  const d: Deadline = { workingDays: c.workingDays, ...(c.calendarDays === undefined ? {} : { calendarDays: c.calendarDays }), ...(kind ? { kind } : {}) };
  if (kind === 'working-days' && d.workingDays !== null && !Number.isInteger(d.workingDays)) throw unprocessable(`${where}: working days are whole days; give hours with kind working-hours`);
  if (kind === 'calendar-days' && d.calendarDays === undefined) throw unprocessable(`${where}: a calendar-days deadline needs calendarDays`);
  return d;
}

const same = (a: Deadline, b: Deadline) => a.workingDays === b.workingDays && a.calendarDays === b.calendarDays && a.kind === b.kind;

/**
 * The channels' own deadlines after `c`, on `next` (whose counter deadline is already the new one).
 * A channel's deadline equal to the counter's is no deadline of its own: dropped, it follows the counter's.
 */
export function applyChannelDeadlines(next: ProcedureRules, c: z.infer<typeof channelDeadlinesSchema> | undefined): void {
  const own: { online?: Deadline; post?: Deadline } = { ...(next.deadlines ?? {}) };
  for (const channel of ['online', 'post'] as const) {
    const change = c?.[channel];
    if (change === null) delete own[channel];
    else if (change) own[channel] = deadlineOf(change, own[channel]?.kind ?? next.deadline.kind, `the ${channel} deadline`);
    if (own[channel] && same(own[channel], next.deadline)) delete own[channel];
  }
  delete next.deadlines;
  if (own.online || own.post) next.deadlines = own;
}
