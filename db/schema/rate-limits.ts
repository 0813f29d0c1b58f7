import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window request counters per key (`<limiter>:<client>`), shared by every API process
 * (api/middleware/rate-limit.ts). A row whose window has passed starts again at its next hit and
 * is deleted by a later sweep.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
