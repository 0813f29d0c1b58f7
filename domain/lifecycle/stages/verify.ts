import { stageOf } from '../../procedure-rules';
import { rule } from '../ctx';
import { reminderPoints } from '../reminders';
import type { DossierState } from '../state';
import type { StageKind } from './kind';

const DAY_MS = 24 * 3_600_000;

/**
 * A lawful longer verification (xác minh): while the file is examined, the specialist records that
 * the conditions need verifying, and the deadline grows by the days the law allows the procedure
 * (the stage's `maxExtraDays`, or fewer). Unlike an apology (`extend`) this is the law's own time:
 * the original due date moves too, so a dossier verified and decided in time is on time
 * (docs/decision-766.md). Once per dossier. Nothing to wait for on entering the stage: it lives
 * inside the review, so its place in the list only says the procedure has it.
 */
export const verify: StageKind = {
  name: 'verify',
  statuses: [],
  absent: 'this procedure has no lawful verification period; use an apology (extend) instead',
  actions: {
    'require-verification': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      guard: (s) =>
        s.verification ? 'the deadline has already been extended for verification' : s.dueAt === null ? 'the dossier has no due date to extend' : null,
      step: (s, b, ctx) => {
        const stage = stageOf(ctx.procedure, 'verify')!;
        const days = b.days ?? stage.maxExtraDays;
        if (days > stage.maxExtraDays) return rule(`a verification extends the deadline by at most ${stage.maxExtraDays} ${stage.unit}`);
        const later = (t: number | null) =>
          t === null ? null : stage.unit === 'working-days' ? ctx.calendar.addWorkingDays(t, days) : t + days * DAY_MS;
        const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, dueAt: later(x.dueAt) } : x));
        const original = s.originalDueAt === undefined ? {} : { originalDueAt: later(s.originalDueAt) };
        const next: DossierState = {
          ...s, ...original, dueAt: later(s.dueAt), stageDueAt: later(s.stageDueAt), shares, escalated: false,
          verification: { days, unit: stage.unit, at: ctx.now },
        };
        // Reminder points the longer period has already passed are not sent again.
        return { ...next, reminders: reminderPoints(next, ctx.calendar).filter((r) => r.at <= ctx.now).map((r) => r.kind) };
      },
    },
  },
};
