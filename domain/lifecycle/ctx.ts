import type { ProcedureRules } from '../procedure-rules';
import type { WorkingCalendar } from './calendar-port';

/** What every step and timer of the lifecycle sees besides the state: the pinned rules and the time. */
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

/** Why an action is refused: the gate that refused it (HTTP 409 / 403 / 422 at the API) and the reason. */
export type Refusal = { code: 'illegal-transition' | 'forbidden' | 'rule'; reason: string };

export const rule = (reason: string): Refusal => ({ code: 'rule', reason });
export const isRefusal = <T extends object>(x: T | Refusal): x is Refusal => 'reason' in x && 'code' in x;
