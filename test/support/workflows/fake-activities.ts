// The workflow's activities, faked for the workflow tests: typed like the real ones
// (activities/types.ts), keeping what they are given in memory.
import type { Activities } from '../../../activities/types';
import type { CalendarOverride } from '../../../domain/calendar';
import type { DossierEvent, DossierState } from '../../../domain/lifecycle/state';
import { DAY, HOUR } from './constants';

/** YYYY-MM-DD of an instant in Hanoi (+07:00, no daylight saving). */
const hanoiDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

/**
 * Extra days off the fake `loadCalendarOverrides` returns: the 3rd and 10th calendar days after
 * `now`, so due dates only come out right if the workflow really uses the admin table.
 */
export const overridesFrom = (now: number): CalendarOverride[] => [
  { date: hanoiDate(now + 3 * DAY), kind: 'off' },
  { date: hanoiDate(now + 10 * DAY), kind: 'off' },
];

/** The activities, faked: an in-memory audit trail per dossier, idempotent per (dossier, seq). */
export class FakeActivities implements Activities {
  readonly events = new Map<string, DossierEvent[]>();
  readonly states = new Map<string, DossierState[]>();
  calendarLoads = 0;
  constructor(public overrides: CalendarOverride[] = []) {}

  async recordEvent({ event, state }: { event: DossierEvent; state: DossierState }): Promise<void> {
    const events = this.events.get(state.code) ?? [];
    if (events.some((e) => e.seq === event.seq)) return;
    events.push(event);
    this.events.set(state.code, events);
    this.states.set(state.code, [...(this.states.get(state.code) ?? []), state]);
  }

  async loadCalendarOverrides(): Promise<CalendarOverride[]> {
    this.calendarLoads++;
    return this.overrides;
  }

  eventsOf(code: string): DossierEvent[] {
    return this.events.get(code) ?? [];
  }

  /** The activity methods as a plain object (the worker wants an object of functions). */
  asActivities(): Activities {
    return { recordEvent: (i) => this.recordEvent(i), loadCalendarOverrides: () => this.loadCalendarOverrides() };
  }
}
