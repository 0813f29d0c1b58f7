import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { ProcedureRules } from '../../domain/procedure-rules';

/** PostgreSQL's full-text document type (no drizzle column for it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Every procedure the province offers — the 12 coded ones and the national catalogue's — synced
 * from procedures/ at start, with its current version, so SQL can search, filter and page it.
 */
export const procedures = pgTable(
  'procedures',
  {
    code: text('code').primaryKey(),
    /** The current version (the latest published). */
    version: integer('version').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level', { enum: ['commune', 'province'] }).notNull(),
    fieldVi: text('field_vi').notNull().default(''),
    /** `full` process online, `partial` (submit online, finish at the desk) or `counter` only. */
    onlineLevel: text('online_level', { enum: ['full', 'partial', 'counter'] }).notNull().default('counter'),
    /** A coded procedure (its own form and stages) rather than a generic catalogue one. */
    coded: boolean('coded').notNull().default(false),
    fee: integer('fee').notNull(),
    /** Null: the procedure states no processing time. */
    workingDays: doublePrecision('working_days'),
    calendarDays: integer('calendar_days'),
    fullProcessOnline: boolean('full_process_online').notNull(),
    portalIntegrated: boolean('portal_integrated').notNull(),
    /** Names, field and keywords, for full-text search. */
    searchText: text('search_text').notNull(),
    /**
     * The finder's document (name weight A, search text B, folded), computed once when a row is
     * written: recomputing it per candidate row at query time cost ~0.4 s a search (EXPLAIN ANALYZE;
     * bench/scenarios/finder.ts measures it).
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`public.procedure_search_vector(name_vi, search_text)`),
    definition: jsonb('definition').notNull(),
  },
  (t) => [
    index('procedures_field_vi_idx').on(t.fieldVi),
    index('procedures_level_idx').on(t.level),
    index('procedures_search_vector_gin_idx').using('gin', t.searchVector),
  ],
);

/**
 * Every version of every procedure's rules (`code@version`), insert-only: the snapshot a dossier
 * pins is read back from here (the start sweep, the dossier page's allowed actions). The first
 * version of each comes from procedures/ at seed time; later ones are published by an
 * administrator with the changes they made.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<ProcedureRules>().notNull(),
    /** What was changed against the previous version; null for a version that came from the code. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    note: text('note'),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);
export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;

/** What the seed last wrote, by a hash of its input: a start with nothing changed skips the work. */
export const seedMarks = pgTable('seed_marks', {
  name: text('name').primaryKey(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Lào Cai's profile of each offered procedure (docs/procedures.md, "Lào Cai's profile"), every
 * version of it, insert-only: who receives and decides it (the commune People's Committee, or a
 * department after the commune's hand-off), how far it runs online and whether it is synced with
 * the National Public Service Portal. Version 1 is the default the seed computes from the
 * registry (procedures/lao-cai/profile.ts); later ones are an administrator's corrections, with
 * who, when, what changed and why. The procedures row mirrors the latest version.
 */
export const procedureProfiles = pgTable(
  'procedure_profiles',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    level: text('level', { enum: ['commune', 'province'] }).notNull(),
    /** The deciding department of a province-level procedure; null: the receiving commune decides. */
    departmentCode: text('department_code'),
    onlineLevel: text('online_level', { enum: ['full', 'partial', 'counter'] }).notNull(),
    portalIntegrated: boolean('portal_integrated').notNull(),
    /** What was changed against the previous version; null for the seeded default. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    note: text('note'),
    changedBy: text('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);
export type ProcedureProfileRow = typeof procedureProfiles.$inferSelect;
