import type { AppContext } from '../context';
import { RateLimiter } from '../middleware/rate-limit';
import { totpKey } from './secret-box';
import { TotpStore } from './totp-store';

/**
 * Codes checked per account and window, wherever they are typed (sign-in, activation, disabling):
 * with ±1 step, 10 guesses in 15 minutes give an attacker who holds the password a chance of about
 * 3 in 100,000, after which the account's login throttle (api/login-throttle.ts) locks it as well.
 */
export const TOTP_ATTEMPTS = { max: 10, windowMs: 15 * 60_000 } as const;

export interface TotpServices {
  store: TotpStore;
  attempts: RateLimiter;
}

const made = new WeakMap<AppContext, TotpServices>();

/** One store and one limiter per app context, shared by the sign-in and the TOTP routes. */
export function totpOf(ctx: AppContext): TotpServices {
  let s = made.get(ctx);
  if (!s) {
    s = { store: new TotpStore(ctx.dbh.db, totpKey(ctx.env)), attempts: new RateLimiter(ctx.dbh.db, 'totp', TOTP_ATTEMPTS.max, TOTP_ATTEMPTS.windowMs) };
    made.set(ctx, s);
  }
  return s;
}
