import { ApplicationFailure } from '@temporalio/common';
import { DATA_ERROR } from '../workflows/messages';

export { DATA_ERROR };

const CLASS_NAMES: Record<string, string> = { '22': 'data exception', '23': 'integrity constraint violation' };

/** The SQLSTATE of a PostgreSQL error, looked for through drizzle's wrapping (`cause`). */
export function sqlStateOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/**
 * A data error — SQLSTATE class 22 (data exception: untranslatable character 22P05, character
 * not in repertoire 22021, value out of range…) or 23 (integrity constraint violation) — fails
 * the same way on every retry: it becomes a non-retryable ApplicationFailure of type DATA_ERROR,
 * with a description made only of our own words and the code (PostgreSQL's message may quote
 * the offending value, which is neither safe to store nor to show). Anything else is returned
 * as it was, to be retried.
 */
export function nonRetryableIfDataError(err: unknown): unknown {
  const sqlState = sqlStateOf(err);
  const cls = sqlState?.slice(0, 2);
  if (!sqlState || !cls || !(cls in CLASS_NAMES)) return err;
  return ApplicationFailure.create({
    type: DATA_ERROR,
    message: `PostgreSQL refused the data: ${CLASS_NAMES[cls]} (SQLSTATE ${sqlState})`,
    nonRetryable: true,
    details: [{ sqlState }],
  });
}

