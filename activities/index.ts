import type { Db } from '../db/client';
import type { Activities } from './types';
import { loadCalendarOverrides } from './calendar-overrides';
import { recordEvent } from './record-event';

export interface ActivityDeps {
  db: Db;
}

/** Builds the activities with their dependencies injected (real ones in the worker, fakes in tests). */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    recordEvent: (input) => recordEvent(deps.db, input),
    loadCalendarOverrides: () => loadCalendarOverrides(deps.db),
  };
}
export type { Activities } from './types';
