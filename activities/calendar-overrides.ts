import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { holidays } from '../db/schema';
import type { CalendarOverride } from '../domain/calendar';

/** The admin table of extra days off and swapped working days, for createCalendar(). */
export async function loadCalendarOverrides(db: Pick<Db, 'select'>): Promise<CalendarOverride[]> {
  return (await db.select().from(holidays).orderBy(asc(holidays.date))).map((h) => ({ date: h.date, kind: h.kind }));
}
