/**
 * Prints the kiosk advisor's figures over the scenario set (test/fixtures/advisor-scenarios.json):
 * the share of scenarios whose procedure is top-1 after at most three questions, and the median
 * number of questions. `npm run advisor:quality [-- --misses]`. On PGlite in a scratch directory,
 * or on PostgreSQL when DATABASE_URL is set (migrated and synced first).
 */
import { measureAdvisor } from '../test/advisor-quality';
import { wantsMisses, withCatalogueDb } from './catalogue-db';

await withCatalogueDb('advisor', async (dbh) => {
  const r = await measureAdvisor(dbh.db);
  console.log(`advisor on ${dbh.kind}: ${r.hits}/${r.total} top-1 after at most 3 questions (${(r.rate * 100).toFixed(1)}%), median ${r.medianQuestions} question(s), at most ${r.maxQuestions}`);
  if (wantsMisses()) for (const m of r.misses) console.log('  ' + m);
});
