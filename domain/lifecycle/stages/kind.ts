import type { Action, ActionBodies } from '../../actions';
import type { Actor, Role } from '../../actor';
import type { ProcedureRules, StageName } from '../../procedure-rules';
import type { Status } from '../../status';
import type { WorkingCalendar } from '../calendar-port';
import type { Ctx, Refusal } from '../ctx';
import type { ReminderKind } from '../reminders';
import type { DossierEvent, DossierState } from '../state';

/** A state-and-procedure rule (the third gate); a string is the refusal reason. */
export type Guard = (s: DossierState, p: ProcedureRules) => string | null;

/**
 * A step's outcome: the next state, a refusal on a body rule, or `{ done }` — the kind's stage is
 * complete and the dossier moves on to the next stage of its list (stages/flow.ts decides where).
 */
export type Done = { done: DossierState };
export type Outcome = DossierState | Refusal | Done;
export type Step<A extends Action> = (s: DossierState, body: ActionBodies[A], ctx: Ctx, actor: Actor) => Outcome;

/** One action a kind contributes: where (statuses), who (roles), when (guard), and what (step). */
export interface ActionSpec<A extends Action = Action> {
  /** Statuses in which the action may be taken at all (the first gate). */
  in: readonly Status[];
  /** Who may take it (the second gate). */
  roles: readonly Role[];
  /**
   * Who may also take it for an applicant without an account, at the desk that received the
   * dossier (a walk-in, docs/forms.md): the applicant comes back where they filed, wherever the
   * file is now. One with an account acts for themselves.
   */
  onBehalf?: readonly Role[];
  guard?: Guard;
  /**
   * Which officers may act, when not those of the agency holding the dossier: e.g. an agency asked
   * for its opinion (the consult kind). Absent: the holding agency's.
   */
  by?: (s: DossierState, actor: Actor) => boolean;
  step: Step<A>;
}
export type ActionSpecs = { [A in Action]?: ActionSpec<A> };

export type TimerKind = ReminderKind | 'escalation' | 'reception-overdue' | 'supplement-expired' | 'payment-expired' | 'posting-ended' | 'opinion-reminder' | 'opinion-overdue' | 'tax-unpaid' | 'rating-closed' | 'hop-reminder' | 'hop-overdue';
export interface Timer {
  kind: TimerKind;
  at: number;
}
/**
 * What a fired timer does: an event, or nothing (it only lets the workflow end). A timer that ends
 * its stage hands the dossier on with `advance` (given, not imported: the registry imports the kinds).
 */
export type Fire = (s: DossierState, t: Timer, ctx: Ctx, advance: (s: DossierState, from: StageName) => DossierState) => { state: DossierState; event: DossierEvent } | null;

/**
 * A stage kind: everything a dossier can do because its procedure has this stage. The lifecycle
 * (rules.ts, reduce.ts, timers.ts) knows no action or timer of its own; it asks the kinds present
 * in the pinned rules (stages/index.ts).
 */
export interface StageKind {
  name: StageName | 'lifecycle' | 'handoff' | 'handoff-route';
  /**
   * Its actions stay offered while a holding stage has the dossier: a hop of the hand-off carries a
   * posting to the commune that does it (stages/handoff-route.ts).
   */
  travels?: boolean;
  /** The statuses a dossier is in while at this stage (for the derived table and the docs). */
  statuses: readonly Status[];
  actions: ActionSpecs;
  /**
   * How a dossier enters the stage when the one before it is complete: the state at its start,
   * or null when there is nothing to do here (a fee already paid, or none) and it is skipped.
   */
  enter?: (s: DossierState, ctx: Ctx) => DossierState | null;
  /** Whether the office's clock runs while the dossier is at this stage (entering it starts the clock). */
  clockRuns?: boolean;
  /**
   * A kind that holds the dossier (its place is `state.stage`): while it does, only its own actions
   * and the lifecycle's are offered, whatever the status says; its actions are offered only then.
   */
  holds?: boolean;
  timers?: (s: DossierState, p: ProcedureRules, cal: WorkingCalendar) => Timer[];
  fire?: Partial<Record<TimerKind, Fire>>;
  /** Why this kind's actions are refused when the procedure has no such stage (else a generic reason). */
  absent?: string;
}
