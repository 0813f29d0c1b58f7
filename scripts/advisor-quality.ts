/**
 * Prints the kiosk advisor's figures over the scenario set (test/fixtures/advisor-scenarios.json):
 * the share of scenarios whose procedure is top-1 after at most three questions, and the median
 * number of questions. `npm run advisor:quality [-- --misses]`. On PGlite in a scratch directory,
 * or on PostgreSQL when DATABASE_URL is set (migrated and synced first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../db/client';
import { syncProcedures } from '../db/seed';
import { measureAdvisor } from '../test/advisor-quality';

const url = process.env.DATABASE_URL;
const dir = url ? undefined : mkdtempSync(path.join(os.tmpdir(), 'motcua-advisor-'));
const dbh = openDb(url ? { databaseUrl: url, max: 2 } : { dataDir: dir });
try {
  await dbh.migrate();
  await syncProcedures(dbh.db);
  const r = await measureAdvisor(dbh.db);
  console.log(`advisor on ${dbh.kind}: ${r.hits}/${r.total} top-1 after at most 3 questions (${(r.rate * 100).toFixed(1)}%), median ${r.medianQuestions} question(s), at most ${r.maxQuestions}`);
  if (process.argv.includes('--misses')) for (const m of r.misses) console.log('  ' + m);
} finally {
  await dbh.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
