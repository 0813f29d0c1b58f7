import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';

/**
 * A test file's own embedded database (PGlite), migrated, in a scratch directory: opened before
 * the file's tests and closed and removed after them. Read `dbh` inside tests and hooks; a
 * file's own `beforeAll`, declared after this call, runs once it is open.
 */
export function scratchPglite(name: string): { dbh: DbHandle } {
  const scratch = {} as { dbh: DbHandle; dir: string };
  beforeAll(async () => {
    scratch.dir = mkdtempSync(path.join(os.tmpdir(), `motcua-${name}-`));
    scratch.dbh = openDb({ dataDir: scratch.dir });
    await scratch.dbh.migrate();
  });
  afterAll(async () => {
    await scratch.dbh?.close();
    if (scratch.dir) rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
