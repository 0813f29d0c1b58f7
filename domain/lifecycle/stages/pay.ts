import { payBeforeReview, stageOf } from '../../procedure-rules';
import { resumeClock } from '../clock';
import { rule, type Ctx, type Refusal } from '../ctx';
import type { DossierState } from '../state';
import { cancelOnExpiry } from './expire';
import type { Done, StageKind } from './kind';

/**
 * The fee: recorded at the counter (`record-payment`) or confirmed by the gateway (the workflow's
 * payment signal, `settle`), exactly once and for exactly the fee. Placed before review, it is
 * collected before the clock starts; after review, the office's clock is paused while the citizen
 * pays. Not paid within the stage's limit, the dossier is cancelled.
 */
export const pay: StageKind = {
  name: 'pay',
  statuses: ['AWAITING_PAYMENT'],
  enter: (s, ctx) => {
    if (s.paid || s.fee <= 0) return null;
    // Only a running clock is paused: a fee taken before review comes before the clock starts.
    const pause = s.clockStartAt !== null && ctx.patches?.paymentWaitPausesClock !== false;
    return { ...s, status: 'AWAITING_PAYMENT', paymentDueAt: paymentDue(ctx), ...(pause ? { paymentRequestedAt: ctx.now } : {}) };
  },
  actions: {
    'record-payment': {
      in: ['AWAITING_PAYMENT'],
      roles: ['desk-officer'],
      guard: (s, p) => (stageOf(p, 'pay') && !s.paid ? null : 'no fee is due'),
      step: (s, b, ctx) => settle(s, b.amount, ctx),
    },
  },
  timers: (s) =>
    s.status === 'AWAITING_PAYMENT' && s.paymentDueAt !== null ? [{ kind: 'payment-expired', at: s.paymentDueAt }] : [],
  fire: { 'payment-expired': cancelOnExpiry },
};

function paymentDue({ procedure, calendar, now }: Ctx): number {
  const limit = stageOf(procedure, 'pay')?.limitDays ?? 5;
  return calendar.addWorkingDays(calendar.receptionStart(now), limit);
}

/** A payment of exactly the fee completes the stage; the office's clock resumes where it paused. */
export function settle(s: DossierState, amount: number, ctx: Ctx): Done | Refusal {
  if (amount !== s.fee) return rule(`the fee is ${s.fee} VND, not ${amount} VND`);
  const paid = { ...s, paid: true, paymentDueAt: null };
  if (payBeforeReview(ctx.procedure)) return { done: paid };
  return { done: { ...resumeClock(paid, ctx), paymentRequestedAt: null } };
}
