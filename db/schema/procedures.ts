import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** The catalogue, synced from the procedure files at start so SQL can search and join it. */
export const procedures = pgTable('procedures', {
  code: text('code').primaryKey(),
  version: integer('version').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level', { enum: ['commune', 'province'] }).notNull(),
  fee: integer('fee').notNull(),
  workingDays: integer('working_days').notNull(),
  fullProcessOnline: boolean('full_process_online').notNull(),
  portalIntegrated: boolean('portal_integrated').notNull(),
  /** Names, field and keywords, for full-text search. */
  searchText: text('search_text').notNull(),
  definition: jsonb('definition').notNull(),
});
