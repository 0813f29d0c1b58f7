import type { Db } from '../db/client';
import type { DossierRow } from '../db/schema';
import { readsOf } from './prepared-reads';

/**
 * Money the office owes back on a dossier (docs/security.md, "Payments"): gateway payments the
 * workflow recorded as `payment-received` with `ignored` (nothing was due, or the amount was
 * wrong), and payments stored for a dossier already closed, whose workflow could not take the
 * notice. A payment whose notice the workflow has not handled yet is not counted.
 */
export async function refundDue(db: Db, row: Pick<DossierRow, 'code' | 'finishedAt'>): Promise<number> {
  const stored = await readsOf(db).payments.execute({ code: row.code });
  if (stored.length === 0) return 0;
  const notices = await readsOf(db).paymentNotices.execute({ code: row.code });
  const handled = new Map(notices.map((e) => e.data as { transactionId?: string; ignored?: string }).map((d) => [d.transactionId, d.ignored !== undefined]));
  return stored
    .filter((p) => handled.get(p.transactionId) === true || (!handled.has(p.transactionId) && row.finishedAt !== null))
    .reduce((sum, p) => sum + p.amount, 0);
}
