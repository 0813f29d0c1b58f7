import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per key — `account:<username>`, `ip:<address>`, `global` — shared by every API
 * process (api/login-throttle.ts). A row is forgotten once its window has passed.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  /** While in the future, every attempt on this key is refused, the right password included. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
