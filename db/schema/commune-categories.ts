import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { COMMUNE_CATEGORIES } from '../../domain/deadline-choice';
import { agencies } from './agencies';

/**
 * Communes whose category changes a deadline: today, those with especially difficult conditions
 * ("xã đặc biệt khó khăn"). The administrator keeps the list (docs/calendar.md): none is listed
 * by the code, because no sourced list for Lào Cai's 2025 communes was at hand.
 */
export const communeCategories = pgTable('commune_categories', {
  agencyCode: text('agency_code')
    .primaryKey()
    .references(() => agencies.code),
  category: text('category', { enum: COMMUNE_CATEGORIES }).notNull(),
  /** The decision that lists the commune (number, date, issuer), as the administrator read it. */
  source: text('source').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type CommuneCategoryRow = typeof communeCategories.$inferSelect;

/** Every change to the list, insert-only: who listed or removed which commune, when, on what source. */
export const communeCategoryChanges = pgTable(
  'commune_category_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    agencyCode: text('agency_code').notNull(),
    change: text('change', { enum: ['listed', 'removed'] }).notNull(),
    category: text('category', { enum: COMMUNE_CATEGORIES }).notNull(),
    source: text('source').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commune_category_changes_agency_code_idx').on(t.agencyCode)],
);
