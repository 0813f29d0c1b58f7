import { pgTable, text } from 'drizzle-orm/pg-core';

/** Overrides of the computed calendar: announced extra days off and swapped working Saturdays. */
export const holidays = pgTable('holidays', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['off', 'working'] }).notNull(),
  note: text('note').notNull().default(''),
});
