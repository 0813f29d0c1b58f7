import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * An officer's second factor (api/totp/, docs/security.md "Officer sign-in"): a TOTP secret,
 * sealed (never returned after enrolment), and the hashes of their unused recovery codes. A row
 * without `enabled_at` is an enrolment not yet confirmed with a code: sign-in ignores it.
 */
export const userTotp = pgTable('user_totp', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** AES-256-GCM box of the secret, bound to the user id (api/totp/secret-box.ts). */
  secret: text('secret').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The last time step a code was accepted for: that code and older ones are refused (no replay). */
  lastStep: integer('last_step').notNull().default(0),
  /** SHA-256 of each recovery code not used yet; a use removes its hash. */
  recoveryHashes: text('recovery_hashes').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type UserTotpRow = typeof userTotp.$inferSelect;
