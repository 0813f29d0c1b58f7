import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { syncProcedures } from '../../db/seed';

/**
 * The two databases the finder must answer alike on, migrated and holding every offered
 * procedure: the run's PostgreSQL and a PGlite of the suite's own. Read them inside tests.
 */
export function searchDatabases(prefix: string): { pg: DbHandle; lite: DbHandle } {
  const dbs = {} as { pg: DbHandle; lite: DbHandle };
  let dir: string | undefined;
  beforeAll(async () => {
    dbs.pg = openDb({ databaseUrl: inject('databaseUrl'), max: 2 });
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dbs.lite = openDb({ dataDir: dir });
    for (const h of [dbs.pg, dbs.lite]) {
      await h.migrate();
      await syncProcedures(h.db);
    }
  });
  afterAll(async () => {
    await dbs.pg?.close();
    await dbs.lite?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return dbs;
}
