import type { ActionBodies, ActionRequest } from '../actions';
import { feeFor, payBeforeReview, stageOf, type Channel, type Deadline, type ProcedureRules } from '../procedure-rules';
import type { Actor } from '../actor';
import type { Status } from '../status';
import type { WorkingCalendar } from './calendar-port';
import { dueFrom } from './deadline';
import { reminderPoints } from './reminders';
import { refusalOf, type Refusal } from './rules';
import type { DossierEvent, DossierState, EventType } from './state';
import { ONLINE_RECEPTION_WORKING_HOURS, originalDue, stopClock } from './timeliness';

export type Decision = { ok: true; state: DossierState; event: DossierEvent } | { ok: false; refusal: Refusal };

export interface Ctx {
  procedure: ProcedureRules;
  calendar: WorkingCalendar;
  now: number;
  /**
   * Behaviour changes that dossiers already in flight must not see on replay; the workflow sets
   * each from `patched(id)`. Absent means the newest behaviour (pure tests, new dossiers).
   */
  patches?: {
    extendKeepsPastReminders?: boolean;
    paymentWaitPausesClock?: boolean;
    /** RESULT_READY stops the clock and classifies the dossier (docs/decision-766.md). */
    clockStopsAtResult?: boolean;
    /** An apology only at least one working day before the due date. */
    extendOnlyBeforeDue?: boolean;
    /** Online submissions get a reception deadline. */
    receptionDeadline?: boolean;
  };
}

/** Builds the event that moves `s` to `next`, and the state with the event counted. */
export function emit(
  s: DossierState,
  next: DossierState,
  type: EventType,
  actor: Actor,
  now: number,
  data: Record<string, unknown> = {},
): { state: DossierState; event: DossierEvent } {
  const seq = s.seq + 1;
  const state = { ...next, seq };
  const event: DossierEvent = { seq, type, actor, at: now, fromStatus: s.seq === 0 ? null : s.status, toStatus: state.status, agencyCode: state.agencyCode, data };
  return { state, event };
}

/**
 * Starts (or restarts, after a supplement or a fee paid up front) the processing clock: the
 * overall due time, and the share of it for the agency holding the dossier now.
 */
function startClock(s: DossierState, { procedure, calendar, now }: Ctx): DossierState {
  const clockStartAt = calendar.receptionStart(now);
  const dueAt = dueFrom(s.deadline ?? procedure.deadline, now, calendar);
  const h = procedure.handoff;
  // What the receiving agency keeps is the rules' (counter) total less the department's share,
  // whatever the channel chose: a shorter online deadline shortens the department's stage only.
  const total = procedure.deadline.workingDays;
  // Shares of a hand-off are in working days; without a stated total the share alone bounds the stage.
  const shareDays = !h ? null : s.forwarded ? h.shareWorkingDays : total === null || h.shareWorkingDays === null ? null : total - h.shareWorkingDays;
  const stageDueAt = shareDays === null ? dueAt : Math.min(dueAt ?? Infinity, calendar.addWorkingDays(clockStartAt, Math.max(shareDays, 0)));
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, dueAt: stageDueAt } : x));
  return { ...s, clockStartAt, dueAt, originalDueAt: dueAt, stageDueAt, shares, reminders: [], escalated: false };
}

/** The status that follows a completed stage, given the procedure's composition. */
function after(stage: 'review' | 'pay', s: DossierState, p: ProcedureRules): Status {
  const names = p.stages.map((x) => x.name);
  const rest = names.slice(names.indexOf(stage) + 1);
  for (const n of rest) {
    if (n === 'pay' && !s.paid && s.fee > 0) return 'AWAITING_PAYMENT';
    if (n === 'review') return s.assigneeId ? 'IN_REVIEW' : 'RECEIVED';
    if (n === 'approve') return 'AWAITING_APPROVAL';
  }
  return 'RESULT_READY';
}

function enterAgency(s: DossierState, agencyCode: string, now: number, dueAt: number | null): DossierState {
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: now } : x));
  return { ...s, agencyCode, assigneeId: null, stageDueAt: dueAt, shares: [...shares, { agencyCode, enteredAt: now, leftAt: null, dueAt }] };
}

function paymentDue(s: DossierState, ctx: Ctx): number {
  const limit = stageOf(ctx.procedure, 'pay')?.limitDays ?? 5;
  return ctx.calendar.addWorkingDays(ctx.calendar.receptionStart(ctx.now), limit);
}

function finish(s: DossierState, status: Status, now: number): DossierState {
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: now } : x));
  return { ...s, status, finishedAt: now, shares };
}

type Step<A extends keyof ActionBodies> = (s: DossierState, b: ActionBodies[A], ctx: Ctx, actor: Actor) => DossierState | Refusal;

const rule = (reason: string): Refusal => ({ code: 'rule', reason });
export const isRefusal = (x: DossierState | Refusal): x is Refusal => 'reason' in x && 'code' in x;

/** What each action does to the state, once the gates in rules.ts have let it through. */
const STEPS: { [A in keyof ActionBodies]: Step<A> } = {
  receive: (s, _b, ctx) => {
    const received = { ...s, receivedAt: ctx.now };
    if (payBeforeReview(ctx.procedure) && s.fee > 0 && !s.paid) {
      return { ...received, status: 'AWAITING_PAYMENT', paymentDueAt: paymentDue(s, ctx) };
    }
    return { ...startClock(received, ctx), status: 'RECEIVED' };
  },
  'not-accept': (s, _b, ctx) => finish(s, 'NOT_ACCEPTED', ctx.now),
  'request-supplement': (s, b, ctx) => {
    const limit = stageOf(ctx.procedure, 'review')?.supplementLimitDays ?? 15;
    const supplementDueAt = ctx.calendar.addWorkingDays(ctx.calendar.receptionStart(ctx.now), limit);
    return { ...s, status: 'NEEDS_SUPPLEMENT', supplementRequested: true, missing: b.missing, supplementDueAt };
  },
  supplement: (s, _b, ctx) => ({ ...startClock(s, ctx), status: 'IN_REVIEW', missing: [], supplementDueAt: null }),
  assign: (s, b) => ({ ...s, status: 'IN_REVIEW', assigneeId: b.assigneeId }),
  verify: (s, _b, ctx) => {
    const verified = { ...s, verified: true };
    const status = after('review', verified, ctx.procedure);
    return status === 'AWAITING_PAYMENT'
      ? {
          ...verified,
          status,
          paymentDueAt: paymentDue(s, ctx),
          ...(ctx.patches?.paymentWaitPausesClock === false ? {} : { paymentRequestedAt: ctx.now }),
        }
      : { ...verified, status };
  },
  forward: (s, b, ctx) => {
    if (b.agencyCode === s.agencyCode) return rule('forward to another agency');
    const share = ctx.procedure.handoff?.shareWorkingDays ?? (s.deadline ?? ctx.procedure.deadline).workingDays;
    const shareDue = share === null ? Infinity : ctx.calendar.addWorkingDays(ctx.calendar.receptionStart(ctx.now), share);
    const min = Math.min(shareDue, s.dueAt ?? Infinity);
    const due = min === Infinity ? null : min;
    return { ...enterAgency(s, b.agencyCode, ctx.now, due), forwarded: true, status: 'RECEIVED' };
  },
  return: (s, _b, ctx) => enterAgency(s, s.receivingAgencyCode, ctx.now, s.dueAt),
  approve: (s) => ({ ...s, status: 'RESULT_READY' }),
  reject: (s, _b, ctx) => finish(s, 'REJECTED', ctx.now),
  'record-payment': (s, b, ctx) => pay(s, b.amount, ctx),
  deliver: (s, _b, ctx) => finish(s, 'DELIVERED', ctx.now),
  withdraw: (s, _b, ctx) => finish(s, 'WITHDRAWN', ctx.now),
  extend: (s, b, ctx) => {
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
  rate: (s, b) => ({ ...s, rating: { score: b.score, ...(b.comment ? { comment: b.comment } : {}) } }),
};

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

/** Records a fee payment (counter or gateway) and moves to the next stage. */
export function pay(s: DossierState, amount: number, ctx: Ctx): DossierState | Refusal {
  if (amount !== s.fee) return rule(`the fee is ${s.fee} VND, not ${amount} VND`);
  const paid = { ...s, paid: true, paymentDueAt: null };
  if (payBeforeReview(ctx.procedure)) return { ...startClock(paid, ctx), status: 'RECEIVED' };
  return reachResult(s, { ...resumeClock(paid, ctx), paymentRequestedAt: null, status: after('pay', paid, ctx.procedure) }, ctx);
}

/** Stamps the moment a dossier's result becomes ready (the clock stops), whichever step got it there. */
function reachResult(s: DossierState, next: DossierState, ctx: Ctx): DossierState {
  if (ctx.patches?.clockStopsAtResult === false) return next;
  if (s.status === 'RESULT_READY' || next.status !== 'RESULT_READY' || next.resultReadyAt != null) return next;
  return stopClock(next, ctx.now, ctx.calendar);
}

/**
 * The citizen's wait for the fee does not count against the office: every due time moves on by
 * the working time spent waiting (in whole minutes, so an instant payment changes nothing).
 */
function resumeClock(s: DossierState, { calendar, now }: Ctx): DossierState {
  if (s.paymentRequestedAt == null) return s;
  const minutes = Math.floor(calendar.workingMillisBetween(s.paymentRequestedAt, now) / 60_000);
  if (minutes <= 0) return s;
  const later = (t: number | null) => (t === null ? null : calendar.addWorkingHours(t, minutes / 60));
  const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, dueAt: later(x.dueAt) } : x));
  const original = s.originalDueAt === undefined ? {} : { originalDueAt: later(s.originalDueAt) };
  return { ...s, dueAt: later(s.dueAt), ...original, stageDueAt: later(s.stageDueAt), shares };
}

/** Decides an officer's or citizen's action: a refusal, or the next state and its audit event. */
export function decide(s: DossierState, actor: Actor, req: ActionRequest, ctx: Ctx): Decision {
  const refusal = refusalOf(s, ctx.procedure, actor, req.action);
  if (refusal) return { ok: false, refusal };
  const step = STEPS[req.action] as Step<typeof req.action>;
  const next = step(s, req.body as never, ctx, actor);
  if (isRefusal(next)) return { ok: false, refusal: next };
  return { ok: true, ...emit(s, reachResult(s, next, ctx), req.action, actor, ctx.now, req.body as Record<string, unknown>) };
}

export interface NewDossier {
  code: string;
  procedure: ProcedureRules;
  channel: Channel;
  applicantUserId: string | null;
  agencyCode: string;
  submittedBy: Actor;
  /** Chosen by the API at submission (domain/fees.ts, domain/deadline-choice.ts); absent: the channel's fixed fee, the rules' deadline. */
  fee?: number;
  deadline?: Deadline;
}

/** The first state and its `submit` event. A desk officer's counter dossier starts received. */
export function submit(input: NewDossier, ctx: Ctx): { state: DossierState; event: DossierEvent } {
  const p = input.procedure;
  const blank: DossierState = {
    code: input.code, procedureCode: p.code, procedureVersion: p.version, status: 'SUBMITTED', channel: input.channel,
    applicantUserId: input.applicantUserId, receivingAgencyCode: input.agencyCode, agencyCode: input.agencyCode,
    assigneeId: null, submittedAt: ctx.now, receivedAt: null, clockStartAt: null, dueAt: null, stageDueAt: null,
    extended: false, supplementRequested: false, supplementDueAt: null, missing: [], fee: input.fee ?? feeFor(p, input.channel),
    paid: false, paymentDueAt: null, transactionIds: [], verified: false, forwarded: false,
    shares: [{ agencyCode: input.agencyCode, enteredAt: ctx.now, leftAt: null, dueAt: null }],
    reminders: [], escalated: false, rating: null, finishedAt: null, seq: 0,
    ...(input.deadline ? { deadline: input.deadline } : {}),
  };
  const atCounter = input.submittedBy.role === 'desk-officer';
  const waiting =
    input.channel === 'online' && ctx.patches?.receptionDeadline !== false
      ? { ...blank, receptionDueAt: ctx.calendar.addWorkingHours(ctx.calendar.receptionStart(ctx.now), ONLINE_RECEPTION_WORKING_HOURS) }
      : blank;
  const first = atCounter ? (STEPS.receive(blank, {}, ctx, input.submittedBy) as DossierState) : waiting;
  return emit(blank, first, 'submit', input.submittedBy, ctx.now, { channel: input.channel });
}
