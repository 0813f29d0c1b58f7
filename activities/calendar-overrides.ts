import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { holidays } from '../db/schema';
import type { CalendarOverride } from '../domain/calendar';

/** The admin table of extra days off and swapped working days, for createCalendar(). */
export async function loadCalendarOverrides(db: Pick<Db, 'select'>): Promise<CalendarOverride[]> {
  // Read by every submission and by a dossier's daily reload: prepared (db/prepared.ts).
  return (await prepared(db.select().from(holidays).orderBy(asc(holidays.date)), 'holidays_all')).map((h) => ({ date: h.date, kind: h.kind }));
}
