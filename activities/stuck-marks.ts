import { Context } from '@temporalio/activity';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { dossiers } from '../db/schema';
import { sqlStateOf } from './data-errors';

/** From this attempt on, a dossier whose recording keeps failing is listed as stuck (`retrying`). */
export const STUCK_AFTER_ATTEMPTS = 5;

/**
 * Marks the dossier `retrying` once recording has failed STUCK_AFTER_ATTEMPTS times with an
 * error a retry may still fix (the database down, a bug awaiting its fix): the retries go on,
 * but the dossier shows in GET /api/dossiers/stuck and the stuck metric meanwhile. Never
 * overwrites a `record-failed` mark, which only an administrator's repair clears.
 */
export async function markRetrying(db: Db, code: string, err: unknown): Promise<void> {
  let attempt: number;
  try {
    attempt = Context.current().info.attempt;
  } catch {
    return; // called outside an activity (a test, a script): no retries to speak of
  }
  if (attempt < STUCK_AFTER_ATTEMPTS) return;
  const sqlState = sqlStateOf(err);
  const reason = `recording keeps failing (attempt ${attempt}${sqlState ? `, SQLSTATE ${sqlState}` : ''}); retried until it succeeds`;
  try {
    await db
      .update(dossiers)
      .set({ stuckAt: sql`coalesce(${dossiers.stuckAt}, now())`, stuckKind: 'retrying', stuckReason: reason })
      .where(and(eq(dossiers.code, code), or(isNull(dossiers.stuckKind), eq(dossiers.stuckKind, 'retrying'))));
  } catch (markErr) {
    // The original error is what the retry is about; this one is only logged beside it.
    Context.current().log.warn('could not mark the dossier as stuck', { code, error: String(markErr) });
  }
}
