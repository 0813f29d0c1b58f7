import { eq, sql } from 'drizzle-orm';
import type { ChangeFeed } from '../db/change-feed';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { Role } from '../domain/roles';
import type { AppContext } from './context';
import { readsOf } from './prepared-reads';
import { TtlCache } from './ttl-cache';

/** The user as authorization sees it: the current row, never the claims of an older token. */
export interface SessionRow {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string | null;
  tokenVersion: number;
  active: boolean;
}

/**
 * How long a process may go on trusting a row it read when it missed the change's notification
 * (a demotion, a deactivation or a logout reaches the other processes through the change feed
 * within milliseconds; the process that made the change at once).
 */
export const SESSION_CACHE_MS = 5_000;

/** `token_version + 1`, for the update that revokes a user's tokens in the same statement as the change. */
export const nextTokenVersion = sql`${users.tokenVersion} + 1`;

/**
 * Every request with a token checks it against its user's row; the row is cached per user id for
 * SESSION_CACHE_MS so that a burst of requests costs one query.
 */
export class SessionStore {
  private readonly cache = new TtlCache<SessionRow | null>(SESSION_CACHE_MS, 10_000);
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeFeed,
  ) {
    changes?.subscribe((c) => {
      if (c.kind === 'user') this.cache.forget(c.id);
    });
  }

  current(userId: string): Promise<SessionRow | null> {
    return this.cache.get(userId, async () => {
      const [row] = await readsOf(this.db).sessionUser.execute({ id: userId });
      if (!row) return null;
      const { deactivatedAt, ...rest } = row;
      return { ...rest, active: deactivatedAt === null };
    });
  }

  /** After any write to a user's row: every process reads it afresh on its next request. */
  async forget(userId: string): Promise<void> {
    this.cache.forget(userId);
    await this.changes?.publish({ kind: 'user', id: userId });
  }

  /** Revokes every token of the user (logout): their version moves on. */
  async revoke(userId: string): Promise<void> {
    await this.db.update(users).set({ tokenVersion: nextTokenVersion }).where(eq(users.id, userId));
    await this.forget(userId);
  }
}

const stores = new WeakMap<AppContext, SessionStore>();

/** One store per app context, shared by `authenticate` and the routes that change users. */
export function sessionsOf(ctx: AppContext): SessionStore {
  let store = stores.get(ctx);
  if (!store) stores.set(ctx, (store = new SessionStore(ctx.dbh.db, ctx.dbh.changes)));
  return store;
}
