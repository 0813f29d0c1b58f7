import { index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Kinds of agency. `police`: a commune's police unit (Công an cấp xã), under its commune; it
 * receives and decides the procedures the law gives it (residence: Law on Residence 2020 art. 22;
 * `ProcedureRules.decidedBy`, docs/procedures.md).
 */
export const AGENCY_KINDS = ['province', 'department', 'commune', 'police'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The agency tree: province → departments, province → communes/wards → their police units. */
export const agencies = pgTable(
  'agencies',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('agencies_parent_code_idx').on(t.parentCode)],
);
export type AgencyRow = typeof agencies.$inferSelect;
