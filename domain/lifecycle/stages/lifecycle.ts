import { SYSTEM_ACTOR } from '../../actor';
import { payBeforeReview } from '../../procedure-rules';
import { CLOCK_RUNNING } from '../../status';
import { finish } from '../clock';
import { rule, type Ctx } from '../ctx';
import { emit } from '../emit';
import { reminderPoints } from '../reminders';
import type { DossierState } from '../state';
import { originalDue } from '../timeliness';
import type { StageKind, Timer } from './kind';

/**
 * What every dossier has whatever its stages: the citizen's withdrawal, the leader's apology
 * (`extend`), and the processing clock's reminders and escalation. Not a stage of the list.
 */
export const lifecycle: StageKind = {
  name: 'lifecycle',
  statuses: ['WITHDRAWN', 'CANCELLED'],
  actions: {
    withdraw: {
      in: ['SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'NEEDS_SUPPLEMENT', 'AWAITING_PAYMENT'],
      roles: ['citizen'],
      onBehalf: ['desk-officer'],
      // Once examined and priced, the office's work is done: only a fee paid up front leaves the way out open.
      guard: (s, p) =>
        s.status === 'AWAITING_PAYMENT' && !payBeforeReview(p) ? 'the dossier has been examined; it cannot be withdrawn now' : null,
      step: (s, _b, ctx) => finish(s, 'WITHDRAWN', ctx.now),
    },
    extend: {
      in: ['RECEIVED', 'IN_REVIEW', 'AWAITING_APPROVAL', 'RESULT_READY'],
      roles: ['leader'],
      guard: (s) =>
        s.extended ? 'the appointment date may be reset only once' : s.dueAt === null ? 'no appointment date yet' : null,
      step: (s, b, ctx) => {
        const newDueAt = Date.parse(b.newDueAt);
        if (!(newDueAt > (s.dueAt ?? 0))) return rule('the new appointment must be later than the current one');
        if (ctx.patches?.extendOnlyBeforeDue !== false) {
          const late = apologyTooLate(s, ctx);
          if (late) return rule(late);
        }
        const next = { ...s, dueAt: newDueAt, stageDueAt: Math.max(s.stageDueAt ?? 0, newDueAt), extended: true, escalated: false, reminders: [] };
        if (ctx.patches?.extendKeepsPastReminders === false) return next;
        // Reminder points the new period has already passed are not sent again.
        return { ...next, reminders: reminderPoints(next, ctx.calendar).filter((r) => r.at <= ctx.now).map((r) => r.kind) };
      },
    },
  },
  timers: (s, _p, cal) => {
    const timers: Timer[] = [];
    // A result made ready before the clock stopped there (no `resultReadyAt`) keeps its timers.
    const running = CLOCK_RUNNING.has(s.status) || (s.status === 'RESULT_READY' && s.resultReadyAt == null);
    // A stage may pause the office's clock (`pausedAt`, a posting that pauses it): no reminder meanwhile.
    if (running && s.dueAt !== null && s.pausedAt == null) {
      for (const r of reminderPoints(s, cal)) if (!s.reminders.includes(r.kind) && r.at < s.dueAt) timers.push(r);
      if (!s.escalated) timers.push({ kind: 'escalation', at: s.dueAt });
    }
    return timers;
  },
  fire: {
    'reminder-75': remind,
    'reminder-1d': remind,
    escalation: (s, _t, { now }) =>
      emit(s, { ...s, escalated: true }, 'escalation', SYSTEM_ACTOR, now, { to: 'supervisor', agencyCode: s.agencyCode, dueAt: s.dueAt }),
  },
};

function remind(s: DossierState, t: Timer, { now }: Ctx) {
  return emit(s, { ...s, reminders: [...s.reminders, t.kind] }, 'reminder', SYSTEM_ACTOR, now, {
    kind: t.kind, assigneeId: s.assigneeId, dueAt: s.dueAt,
  });
}

/**
 * An apology (Decision 766's "phiếu xin lỗi và hẹn lại") is written ahead of the due date, at
 * least one working day before it, and once: after that the dossier is simply late.
 */
function apologyTooLate(s: DossierState, { calendar, now }: Ctx): string | null {
  if (s.resultReadyAt != null) return 'the result is ready: there is nothing to extend';
  const due = originalDue(s);
  if (due === null) return null;
  const latest = calendar.addWorkingHours(now, 8);
  return latest > due
    ? `an apology must be made at least one working day before the due date (${new Date(due).toISOString()}); it is too late now`
    : null;
}
