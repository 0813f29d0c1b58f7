import { SYSTEM_ACTOR } from '../../actor';
import { stageOf } from '../../procedure-rules';
import { shiftDue } from '../clock';
import { rule, type Ctx } from '../ctx';
import { emit } from '../emit';
import type { DossierState } from '../state';
import { atDecidingAgency } from './guards';
import type { StageKind } from './kind';

const DAY_MS = 24 * 3_600_000;

/**
 * Financial obligations (nghĩa vụ tài chính): the land office sends the transfer slip to the tax
 * office (`send-to-tax`, form 19 of Decree 151/2025), records the tax office's notice
 * (`record-tax-notice`) and then the applicant's receipt or exemption (`record-tax-payment`), which
 * completes the stage. From the slip to the receipt the office's clock is paused: the time the land
 * user takes to fulfil the obligations is not counted in the processing time (Decree 101/2024
 * art. 22, docs/procedures.md). The pause is the posting's (`pausedAt`, `shiftDue`): every due time
 * moves on by exactly the working time waited, kept in `tax.excludedMinutes` for the dossier's view.
 * A notice unpaid after the stage's `unpaidReminderDays` calendar days is flagged once (`tax-unpaid`).
 */
export const tax: StageKind = {
  name: 'tax',
  // It holds the dossier in IN_REVIEW, and must keep that status offered even in a list without a review.
  statuses: ['IN_REVIEW'],
  holds: true,
  clockRuns: true,
  absent: 'this procedure has no financial obligations to fulfil through the tax office',
  enter: (s, ctx) => ({
    ...s,
    status: 'IN_REVIEW',
    tax: {
      enteredAt: ctx.now, sentAt: null, slipNo: null, noticedAt: null, noticeNo: null, amount: null,
      settledAt: null, receiptNo: null, exemption: null, remindedAt: null, excludedMinutes: 0,
    },
  }),
  actions: {
    'send-to-tax': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      guard: (s, p) => atDecidingAgency(s, p) ?? (s.tax?.sentAt != null ? 'the information has already been sent to the tax office' : null),
      // The office's part is done: from here the wait is the tax office's and the applicant's.
      step: (s, b, ctx) => ({ ...s, tax: { ...s.tax!, sentAt: ctx.now, slipNo: b.slipNo }, pausedAt: ctx.now }),
    },
    'record-tax-notice': {
      in: ['IN_REVIEW'],
      roles: ['desk-officer', 'specialist'],
      guard: (s) =>
        s.tax?.sentAt == null ? 'send the information to the tax office first' : s.tax.noticedAt !== null ? "the tax office's notice has already been recorded" : null,
      step: (s, b, ctx) => ({ ...s, tax: { ...s.tax!, noticedAt: ctx.now, noticeNo: b.noticeNo, amount: b.amount } }),
    },
    'record-tax-payment': {
      in: ['IN_REVIEW'],
      roles: ['desk-officer', 'specialist'],
      guard: (s) => (s.tax?.sentAt == null ? 'send the information to the tax office first' : null),
      step: (s, b, ctx) => {
        // A receipt pays a notice; an exemption may come instead of one. Done, the dossier leaves the stage (stage: null).
        if (b.receiptNo !== undefined && s.tax!.noticedAt === null) return rule("record the tax office's notice before the receipt");
        const settled = resume(s, ctx);
        return { done: { ...settled, stage: null, tax: { ...settled.tax!, settledAt: ctx.now, receiptNo: b.receiptNo ?? null, exemption: b.exemption ?? null } } };
      },
    },
  },
  timers: (s, p) => {
    const t = s.tax;
    if (s.stage?.kind !== 'tax' || !t || t.noticedAt === null || t.remindedAt !== null || s.finishedAt !== null) return [];
    const days = stageOf(p, 'tax')?.unpaidReminderDays ?? 30;
    return [{ kind: 'tax-unpaid', at: t.noticedAt + days * DAY_MS }];
  },
  fire: {
    'tax-unpaid': (s, _t, ctx) => {
      const t = s.tax!;
      const next = { ...s, tax: { ...t, remindedAt: ctx.now } };
      return emit(s, next, 'tax-unpaid', SYSTEM_ACTOR, ctx.now, {
        to: 'desk', agencyCode: s.agencyCode, noticeNo: t.noticeNo, amount: t.amount, noticedAt: t.noticedAt,
      });
    },
  },
};

/** The wait is over: every due time moves on by the working time since the slip went out, and that time is kept. */
function resume(s: DossierState, ctx: Ctx): DossierState {
  if (s.pausedAt == null) return s;
  const excluded = Math.max(0, Math.floor(ctx.calendar.workingMillisBetween(s.pausedAt, ctx.now) / 60_000));
  return { ...shiftDue(s, s.pausedAt, ctx), pausedAt: null, tax: { ...s.tax!, excludedMinutes: s.tax!.excludedMinutes + excluded } };
}
