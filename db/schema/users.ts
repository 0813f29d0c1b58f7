import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/roles';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    agencyCode: text('agency_code'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_agency_code_idx').on(t.agencyCode)],
);
export type UserRow = typeof users.$inferSelect;
