/**
 * Prints the finder's top-3 hit rate over the quality set (test/fixtures/finder-queries.json):
 * `npm run finder:quality [-- --misses]`. On PGlite in a scratch directory, or on PostgreSQL
 * when DATABASE_URL is set (the database is migrated and the procedures synced first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../db/client';
import { syncProcedures } from '../db/seed';
import { measureFinder } from '../test/finder-quality';

const url = process.env.DATABASE_URL;
const dir = url ? undefined : mkdtempSync(path.join(os.tmpdir(), 'motcua-finder-'));
const dbh = openDb(url ? { databaseUrl: url, max: 2 } : { dataDir: dir });
try {
  await dbh.migrate();
  await syncProcedures(dbh.db);
  const r = await measureFinder(dbh.db);
  console.log(`finder on ${dbh.kind}: ${r.hits}/${r.total} in the top 3 (${(r.rate * 100).toFixed(1)}%)`);
  if (process.argv.includes('--misses')) for (const m of r.misses) console.log('  ' + m);
} finally {
  await dbh.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
