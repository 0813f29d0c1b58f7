import { Router } from 'express';
import { z } from 'zod';
import { loadCalendarOverrides } from '../../activities/calendar-overrides';
import { createCalendar, DEADLINE_KINDS, dueAt, type Deadline } from '../../domain/calendar';
import type { AppContext } from '../context';
import { fromZod } from '../problem';

/** Instants the calendar answers for: its lunar and holiday rules are checked up to 2199. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2190, 0, 1);
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const AMOUNT = /^\d{1,4}(?:\.\d{1,2})?$/;

/**
 * The query parameters as the OpenAPI document states them. Each accepts at least what the
 * handler accepts, so a value outside them is always refused (the fuzzing suite checks that).
 */
export const calendarDueQuery = {
  from: { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?$', example: '2025-01-24T16:00:00+07:00' },
  workingDays: { pattern: AMOUNT.source, example: '3' },
  kind: { enum: [...DEADLINE_KINDS] },
  ignored: { maxLength: 64 },
};

/**
 * `from` with an offset, or a local date-time read as Vietnam time (the desk's wall clock).
 * `workingDays` is the amount in the unit of `kind` (hours for `working-hours`), ignored for
 * `same-day`. `procedureCode`, `channel` and `agencyCode` are accepted and not used yet: the
 * deadline will depend on them once procedures state their deadline kinds (docs/calendar.md).
 */
const dueQuerySchema = z
  .object({
    from: z.iso
      .datetime({ offset: true, local: true })
      .transform((s) => Date.parse(HAS_OFFSET.test(s) ? s : `${s}+07:00`))
      .refine((ms) => ms >= EARLIEST && ms < LATEST, 'must lie between 2000 and 2189'),
    workingDays: z
      .string()
      .regex(AMOUNT, 'a number of days (hours for working-hours), e.g. 5')
      .transform(Number)
      .refine((n) => n <= 1000, 'at most 1000')
      .optional(),
    kind: z.enum(DEADLINE_KINDS).default('working-days'),
    procedureCode: z.string().max(64).optional(),
    channel: z.string().max(64).optional(),
    agencyCode: z.string().max(64).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'same-day') return;
    if (q.workingDays === undefined) ctx.addIssue({ code: 'custom', path: ['workingDays'], message: `required for ${q.kind}` });
    else if (q.kind !== 'working-hours' && !Number.isInteger(q.workingDays)) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: `a whole number for ${q.kind}` });
    }
  });

/** The public deadline calculator: what the desk writes on the receipt (form 01). */
export function calendarRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/calendar/due', async (req, res) => {
    const q = dueQuerySchema.safeParse(req.query);
    if (!q.success) throw fromZod(q.error);
    const { from, kind, workingDays } = q.data;
    const deadline: Deadline = kind === 'same-day' ? { kind } : { kind, amount: workingDays ?? 0 };
    // Read on each call: the table is small, and an administrator's change applies at once.
    const calendar = createCalendar(await loadCalendarOverrides(ctx.dbh.db));
    res.json({ dueAt: new Date(dueAt(from, deadline, calendar)).toISOString() });
  });
  return r;
}
