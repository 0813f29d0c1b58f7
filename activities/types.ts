import type { CalendarOverride } from '../domain/calendar';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';

/** The side effects a dossier workflow may ask for. Workflows import this type only. */
export interface Activities {
  /** Projects the state and appends the event to the audit trail, idempotently per (dossier, seq). */
  recordEvent(input: { event: DossierEvent; state: DossierState }): Promise<void>;
  /** The admin table of extra days off and swapped working days. */
  loadCalendarOverrides(): Promise<CalendarOverride[]>;
}
