import type { ActionRequest } from '../actions';
import { feeFor, type Channel, type Deadline, type ProcedureRules } from '../procedure-rules';
import type { Actor } from '../actor';
import { reachResult } from './clock';
import { isRefusal, type Ctx, type Refusal } from './ctx';
import { emit } from './emit';
import { refusalOf } from './rules';
import { KINDS, resolve, settle, specOf } from './stages';
import type { DossierEvent, DossierState } from './state';
import { ONLINE_RECEPTION_WORKING_HOURS } from './timeliness';

export type { Ctx, Refusal } from './ctx';
export { isRefusal } from './ctx';
export { emit } from './emit';

export type Decision = { ok: true; state: DossierState; event: DossierEvent } | { ok: false; refusal: Refusal };

/** Records a fee payment (counter or gateway) and moves to the next stage. */
export function pay(s: DossierState, amount: number, ctx: Ctx): DossierState | Refusal {
  const paid = settle(s, amount, ctx);
  return isRefusal(paid) ? paid : reachResult(s, resolve(paid, 'record-payment', ctx), ctx);
}

/**
 * Decides an officer's or citizen's action: a refusal, or the next state and its audit event.
 * What the action does is its stage kind's step (stages/); a step that completes its stage hands
 * the dossier to the next stage of the pinned list.
 */
export function decide(s: DossierState, actor: Actor, req: ActionRequest, ctx: Ctx): Decision {
  const refusal = refusalOf(s, ctx.procedure, actor, req.action);
  if (refusal) return { ok: false, refusal };
  const spec = specOf(ctx.procedure, req.action)!;
  const next = spec.step(s, req.body as never, ctx, actor);
  if (isRefusal(next)) return { ok: false, refusal: next };
  const state = reachResult(s, resolve(next, req.action, ctx), ctx);
  return { ok: true, ...emit(s, state, req.action, actor, ctx.now, req.body as Record<string, unknown>) };
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
  const received = () => resolve(KINDS.receive.actions.receive!.step(blank, {}, ctx, input.submittedBy) as { done: DossierState }, 'receive', ctx);
  const first = atCounter ? received() : waiting;
  return emit(blank, first, 'submit', input.submittedBy, ctx.now, { channel: input.channel });
}
