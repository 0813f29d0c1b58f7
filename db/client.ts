import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { localChangeFeed, postgresChangeFeed, type ChangeFeed } from './change-feed';
import * as schema from './schema';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** One type for both drivers: the query builder is the same; only the driver differs. */
export type Db = ReturnType<typeof drizzlePostgres<typeof schema>>;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Admin changes other processes cache, published and heard (LISTEN/NOTIFY on PostgreSQL). */
  changes: ChangeFeed;
  /** Runs the committed drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  max?: number;
}

export function openDb(opts: DbOptions): DbHandle {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, { max: opts.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    const changes = postgresChangeFeed(client);
    return {
      db,
      kind: 'postgres',
      changes,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      ping: async () => (await client`select 1 as ok`).length === 1,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = path.resolve(opts.dataDir ?? '.data', 'pglite');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: { unaccent, pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    changes: localChangeFeed(),
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => (await client.query('select 1 as ok')).rows.length === 1,
    close: () => client.close(),
  };
}
