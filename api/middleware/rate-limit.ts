import type { RequestHandler } from 'express';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { rateLimits } from '../../db/schema';
import { HttpProblem } from '../problem';

/** Expired windows are deleted every this many hits of a process (one small indexed delete). */
const SWEEP_EVERY = 1_000;

/**
 * A fixed-window counter per key, kept in PostgreSQL so that every API process counts the same
 * hits (issue 14; docs/production.md): one upsert per request, which also answers the count.
 * Answers 429 with Retry-After.
 */
export class RateLimiter {
  private hits = 0;
  constructor(
    private readonly db: Db,
    /** Keeps the keys of two limiters apart (`public:<ip>`, `submit:user:<id>`). */
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  async hit(key: string): Promise<number> {
    if (++this.hits % SWEEP_EVERY === 0) await this.sweep();
    const expired = sql`${rateLimits.resetAt} <= now()`;
    const hit = this.db
      .insert(rateLimits)
      .values({ key: `${this.name}:${key}`, count: 1, resetAt: sql`now() + ${`${this.windowMs} milliseconds`}::interval` })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimits.resetAt} end`,
        },
      })
      .returning({ count: rateLimits.count, waitS: sql<string>`ceil(extract(epoch from ${rateLimits.resetAt} - now()))` });
    // Every limited request runs it: prepared (db/prepared.ts).
    const [row] = await prepared(hit, 'rate_limit_hit');
    return row!.count > this.max ? Math.max(1, Number(row!.waitS)) : 0;
  }

  private async sweep() {
    await this.db.delete(rateLimits).where(lt(rateLimits.resetAt, sql`now() - interval '1 minute'`));
  }
}

export const tooMany = (retryAfter: number) =>
  new HttpProblem(429, 'rate-limited', 'Too many requests', `try again in ${retryAfter} s`, { retryAfter });

/** Middleware form, keyed by client address (and an optional part of the request). */
export function rateLimit(limiter: RateLimiter, keyOf: (req: Parameters<RequestHandler>[0]) => string = (r) => r.ip ?? 'unknown'): RequestHandler {
  return async (req, res, next) => {
    const wait = await limiter.hit(keyOf(req));
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return next(tooMany(wait));
    }
    next();
  };
}
