import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { holidays } from '../db/schema';
import type { Activities } from './types';
import { recordEvent } from './record-event';

export interface ActivityDeps {
  db: Db;
}

/** Builds the activities with their dependencies injected (real ones in the worker, fakes in tests). */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    recordEvent: (input) => recordEvent(deps.db, input),
    loadCalendarOverrides: async () =>
      (await deps.db.select().from(holidays).orderBy(asc(holidays.date))).map((h) => ({ date: h.date, kind: h.kind })),
  };
}
export type { Activities } from './types';
