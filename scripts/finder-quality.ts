/**
 * Prints the finder's top-3 hit rate over the quality set (test/fixtures/finder-queries.json):
 * `npm run finder:quality [-- --misses]`. On PGlite in a scratch directory, or on PostgreSQL
 * when DATABASE_URL is set (the database is migrated and the procedures synced first).
 */
import { measureFinder } from '../test/finder-quality';
import { wantsMisses, withCatalogueDb } from './catalogue-db';

await withCatalogueDb('finder', async (dbh) => {
  const r = await measureFinder(dbh.db);
  console.log(`finder on ${dbh.kind}: ${r.hits}/${r.total} in the top 3 (${(r.rate * 100).toFixed(1)}%)`);
  if (wantsMisses()) for (const m of r.misses) console.log('  ' + m);
});
