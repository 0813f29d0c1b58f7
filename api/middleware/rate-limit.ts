import type { RequestHandler } from 'express';
import { HttpProblem } from '../problem';

/**
 * A fixed-window counter per key, in memory (one API process per deployment unit here; behind
 * several processes, put it in front of them or in PostgreSQL). Answers 429 with Retry-After.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const w = this.hits.get(key);
    if (!w || w.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.hits.size > 50_000) this.sweep(now);
      return 0;
    }
    w.count += 1;
    return w.count > this.max ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  reset(key: string) {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [k, w] of this.hits) if (w.resetAt <= now) this.hits.delete(k);
  }
}

export const tooMany = (retryAfter: number) =>
  new HttpProblem(429, 'rate-limited', 'Too many requests', `try again in ${retryAfter} s`, { retryAfter });

/** Middleware form, keyed by client address (and an optional part of the request). */
export function rateLimit(limiter: RateLimiter, keyOf: (req: Parameters<RequestHandler>[0]) => string = (r) => r.ip ?? 'unknown'): RequestHandler {
  return (req, res, next) => {
    const wait = limiter.hit(keyOf(req));
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return next(tooMany(wait));
    }
    next();
  };
}
