import { index, pgTable, text } from 'drizzle-orm/pg-core';

/** The agency tree: province → departments, province → communes/wards. */
export const agencies = pgTable(
  'agencies',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind', { enum: ['province', 'department', 'commune'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('agencies_parent_code_idx').on(t.parentCode)],
);
export type AgencyRow = typeof agencies.$inferSelect;
