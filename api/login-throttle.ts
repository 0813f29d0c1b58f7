import { and, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

export interface ThrottleLimits {
  /** Failures after which the key is locked: per account, per client address, for everyone. */
  account: number;
  ip: number;
  global: number;
  /** The first lock; each later failure doubles it, up to `maxLockSeconds`. */
  lockSeconds: number;
  maxLockSeconds: number;
  /** A key's count starts again this long after its last failure or the end of its lock. */
  windowSeconds: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { account: 5, ip: 20, global: 500, lockSeconds: 60, maxLockSeconds: 3600, windowSeconds: 15 * 60 };

/** The counters one sign-in attempt touches. */
export interface ThrottleKeys {
  account: string;
  ip: string;
  global: string;
}

/**
 * Failed sign-ins counted in PostgreSQL, so that every API process sees the same counts (issue 14):
 * per account — whether it exists or not, so that a lock tells nothing —, per client address and
 * overall. Once a key reaches its limit, every attempt touching it is refused until the lock ends,
 * the right password included; the next failure after that locks it twice as long.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  keys(username: string, ip: string | undefined): ThrottleKeys {
    return { account: `account:${username.trim().toLowerCase()}`, ip: `ip:${ip ?? 'unknown'}`, global: 'global' };
  }

  /** Seconds until no key of this attempt is locked; 0: the attempt may go on. */
  async lockedFor(k: ThrottleKeys): Promise<number> {
    const now = this.now();
    const rows = await this.db
      .select({ lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(and(inArray(loginThrottle.key, [k.account, k.ip, k.global]), gt(loginThrottle.lockedUntil, now)));
    return secondsUntil(now, rows.map((r) => r.lockedUntil));
  }

  /** Counts a failure on every key; answers the seconds of the longest lock that now holds (0: none). */
  async fail(k: ThrottleKeys): Promise<number> {
    const now = this.now();
    const until = await Promise.all([this.count(k.account, this.limits.account, now), this.count(k.ip, this.limits.ip, now), this.count(k.global, this.limits.global, now)]);
    return secondsUntil(now, until);
  }

  /** A successful sign-in forgets the account's failures (not the address's: one good account must not clear the way to others). */
  async succeeded(k: ThrottleKeys): Promise<void> {
    await this.db.delete(loginThrottle).where(inArray(loginThrottle.key, [k.account]));
  }

  private async count(key: string, max: number, now: Date): Promise<Date | null> {
    const { lockSeconds, maxLockSeconds, windowSeconds } = this.limits;
    const at = sql`${now.toISOString()}::timestamptz`;
    const t = loginThrottle;
    const stale = sql`greatest(${t.lastFailureAt}, coalesce(${t.lockedUntil}, ${t.lastFailureAt})) < ${at} - make_interval(secs => ${windowSeconds})`;
    const failures = sql`(case when ${stale} then 1 else ${t.failures} + 1 end)`;
    const lock = (n: SQL) => sql`(case when ${n} >= ${max} then ${at} + make_interval(secs => least(${lockSeconds}::float8 * power(2, ${n} - ${max}), ${maxLockSeconds})) end)`;
    const [row] = await this.db
      .insert(t)
      .values({ key, failures: 1, lastFailureAt: now, lockedUntil: max <= 1 ? new Date(now.getTime() + lockSeconds * 1000) : null })
      .onConflictDoUpdate({ target: t.key, set: { failures, lastFailureAt: now, lockedUntil: lock(failures) } })
      .returning({ lockedUntil: t.lockedUntil });
    return row?.lockedUntil ?? null;
  }
}

type SQL = ReturnType<typeof sql>;

function secondsUntil(now: Date, dates: (Date | null)[]): number {
  const latest = Math.max(0, ...dates.map((d) => (d ? d.getTime() - now.getTime() : 0)));
  return Math.ceil(latest / 1000);
}
