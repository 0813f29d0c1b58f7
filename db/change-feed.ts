import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

/** What an administrator changed that other processes keep in memory. */
export type Change = { kind: 'agencies' } | { kind: 'procedures' } | { kind: 'user'; id: string };

export interface ChangeFeed {
  /** Tells every other process (the one that made the change has applied it already). */
  publish(change: Change): Promise<void>;
  /** Runs `fn` for each change another process publishes; returns the unsubscribe. */
  subscribe(fn: (change: Change) => void): () => void;
  ready(): Promise<void>;
}

const CHANNEL = 'motcua_changes';

/**
 * LISTEN/NOTIFY on PostgreSQL (docs/production.md, "Several processes"): an edit made through one
 * API process reaches the others' caches (agency tree, procedure versions, sessions) within
 * milliseconds. The listening connection is opened at the first subscriber, so processes that
 * cache nothing (workers, the dispatcher) hold none; postgres.js re-listens after a reconnect.
 */
export function postgresChangeFeed(client: Sql): ChangeFeed {
  const origin = randomUUID();
  const subscribers = new Set<(c: Change) => void>();
  let listening: Promise<unknown> | undefined;
  const deliver = (payload: string) => {
    const { origin: from, change } = JSON.parse(payload) as { origin: string; change: Change };
    if (from === origin) return;
    for (const fn of subscribers) fn(change);
  };
  return {
    async publish(change) {
      await client`select pg_notify(${CHANNEL}, ${JSON.stringify({ origin, change })})`;
    },
    subscribe(fn) {
      subscribers.add(fn);
      // postgres.js listens on a connection of its own, outside the pool, and closes it with the client.
      listening ??= client.listen(CHANNEL, deliver);
      return () => subscribers.delete(fn);
    },
    /** Resolves once LISTEN is in place (a change published before then is not heard). */
    ready: () => listening?.then(() => {}) ?? Promise.resolve(),
  };
}

/** PGlite: one process owns the database, and it has applied its own change already. */
export const localChangeFeed = (): ChangeFeed => ({
  publish: async () => {},
  subscribe: () => () => {},
  ready: async () => {},
});
