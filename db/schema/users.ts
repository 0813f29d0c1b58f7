import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/roles';
import { agencies } from './agencies';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    agencyCode: text('agency_code').references(() => agencies.code),
    phone: text('phone'),
    /**
     * The citizen's personal ID number (số định danh cá nhân, 12 digits), as the identity issuer
     * asserts it: OpenID Connect sign-in finds or creates the citizen by it (docs/security.md).
     */
    personalId: text('personal_id').unique('users_personal_id_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Carried in every token as `ver`; a token whose version is not the row's is refused. Bumped on
     * a role, agency or password change, a deactivation and a logout (api/sessions.ts).
     */
    tokenVersion: integer('token_version').notNull().default(0),
    /** Set: the account may not sign in and its tokens are refused; null: active. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [index('users_agency_code_idx').on(t.agencyCode)],
);
export type UserRow = typeof users.$inferSelect;
