import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type DbHandle } from '../db/client';
import { syncProcedures } from '../db/seed';

/**
 * Runs `use` on a database holding the catalogue, for the quality scripts: PostgreSQL when
 * DATABASE_URL is set (migrated and synced first), else PGlite in a scratch directory removed
 * afterwards.
 */
export async function withCatalogueDb(scratchName: string, use: (dbh: DbHandle) => Promise<void>): Promise<void> {
  const url = process.env.DATABASE_URL;
  const dir = url ? undefined : mkdtempSync(path.join(os.tmpdir(), `motcua-${scratchName}-`));
  const dbh = openDb(url ? { databaseUrl: url, max: 2 } : { dataDir: dir });
  try {
    await dbh.migrate();
    await syncProcedures(dbh.db);
    await use(dbh);
  } finally {
    await dbh.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export const wantsMisses = () => process.argv.includes('--misses');
