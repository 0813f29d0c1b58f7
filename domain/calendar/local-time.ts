/**
 * Vietnam local time (Asia/Ho_Chi_Minh) as a fixed UTC+7 offset: Vietnam has no DST, and a fixed
 * offset keeps the calendar free of host ICU data, so it is deterministic in a Temporal workflow.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const UTC_OFFSET = 7 * HOUR;

/** Local (UTC+7) calendar day, as days since 1970-01-01, of an instant. */
export const localDayOf = (ms: number) => Math.floor((ms + UTC_OFFSET) / DAY);
/** UTC instant of local midnight starting a local day. */
export const midnightOf = (epochDay: number) => epochDay * DAY - UTC_OFFSET;

export function assertInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite epoch ms: ${ms}`);
}
