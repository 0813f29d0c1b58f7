import { integer, pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers';

/** Confirmed payments; `transaction_id` is unique so a repeated gateway callback records once. */
export const payments = pgTable(
  'payments',
  {
    transactionId: text('transaction_id').primaryKey(),
    dossierCode: text('dossier_code').notNull().references(() => dossiers.code),
    amount: integer('amount').notNull(),
    method: text('method', { enum: ['gateway', 'counter'] }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_dossier_code_idx').on(t.dossierCode)],
);
