import { Router } from 'express';
import { z } from 'zod';
import { loadCalendarOverrides } from '../../activities/calendar-overrides';
import { createCalendar, DEADLINE_KINDS, dueAt, type Deadline } from '../../domain/calendar';
import { deadlineFor } from '../../domain/deadline-choice';
import { dueFrom } from '../../domain/lifecycle/deadline';
import { CHANNELS } from '../../domain/procedure-rules';
import { communeCategoryOf } from '../commune-categories';
import type { AppContext } from '../context';
import { badRequest, fromZod, unprocessable } from '../problem';

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
  channel: { enum: [...CHANNELS] },
  code: { maxLength: 64 },
};

/**
 * `from` with an offset, or a local date-time read as Vietnam time (the desk's wall clock).
 * Either a `procedureCode` — the procedure's current deadline for `channel` (the counter's by
 * default), with its extra days when `agencyCode` is a commune on the administrator's list — or
 * an amount: `workingDays` in the unit of `kind` (hours for `working-hours`), ignored for
 * `same-day` (docs/calendar.md).
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
    kind: z.enum(DEADLINE_KINDS).optional(),
    procedureCode: z.string().max(64).optional(),
    channel: z.enum(CHANNELS).default('counter'),
    agencyCode: z.string().max(64).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.procedureCode !== undefined) {
      if (q.workingDays !== undefined || q.kind !== undefined) ctx.addIssue({ code: 'custom', path: ['procedureCode'], message: 'give either procedureCode or workingDays and kind, not both' });
      return;
    }
    if (q.kind === 'same-day') return;
    if (q.workingDays === undefined) ctx.addIssue({ code: 'custom', path: ['workingDays'], message: `required for ${q.kind}` });
    else if (q.kind !== 'working-hours' && !Number.isInteger(q.workingDays)) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: `a whole number for ${q.kind ?? 'working-days'}` });
    }
  });

/** The public deadline calculator: what the desk writes on the receipt (form 01). */
export function calendarRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/calendar/due', async (req, res) => {
    const q = dueQuerySchema.safeParse(req.query);
    if (!q.success) throw fromZod(q.error);
    const { from, procedureCode, channel, agencyCode } = q.data;
    if (agencyCode !== undefined && !ctx.agencies.get(agencyCode)) {
      throw badRequest(`unknown agency ${agencyCode}`, { errors: [{ field: 'agencyCode', message: 'unknown agency' }] });
    }
    // Read on each call: the tables are small, and an administrator's change applies at once.
    const calendar = createCalendar(await loadCalendarOverrides(ctx.dbh.db));
    if (procedureCode === undefined) {
      const kind = q.data.kind ?? 'working-days';
      const deadline: Deadline = kind === 'same-day' ? { kind } : { kind, amount: q.data.workingDays ?? 0 };
      return void res.json({ dueAt: new Date(dueAt(from, deadline, calendar)).toISOString() });
    }
    const rules = ctx.procedures.current(procedureCode);
    if (!rules) throw badRequest(`unknown procedure ${procedureCode}`, { errors: [{ field: 'procedureCode', message: 'unknown procedure' }] });
    const category = agencyCode === undefined ? null : await communeCategoryOf(ctx.dbh.db, agencyCode);
    // The very choice a submission makes (api/dossier-commands.ts), counted the way the lifecycle counts it.
    const due = dueFrom(deadlineFor(rules, channel, category), from, calendar);
    if (due === null) throw unprocessable(`procedure ${procedureCode} states no processing time: there is no due date`);
    res.json({ dueAt: new Date(due).toISOString() });
  });
  return r;
}
