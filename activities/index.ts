import type { Db } from '../db/client';
import type { Activities } from './types';
import { loadCalendarOverrides } from './calendar-overrides';
import { nonRetryableIfDataError } from './data-errors';
import { recordEvent } from './projection-store';
import { markRetrying } from './stuck-marks';

export interface ActivityDeps {
  db: Db;
}

/** Builds the activities with their dependencies injected (real ones in the worker, fakes in tests). */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    recordEvent: async (input) => {
      try {
        await recordEvent(deps.db, input);
      } catch (err) {
        // A data error fails alike on every retry: non-retryable, for the workflow to record
        // as `record-failed`. Anything else is retried, and shows as stuck after a few attempts.
        const failure = nonRetryableIfDataError(err);
        if (failure === err) await markRetrying(deps.db, input.state.code, err);
        throw failure;
      }
    },
    loadCalendarOverrides: () => loadCalendarOverrides(deps.db),
  };
}
export type { Activities } from './types';
