import { describe, expect, it } from 'vitest';
import { searchDatabases } from '../support/search-databases';
import { ADVISOR_SCENARIOS, measureAdvisor } from '../advisor-quality';

/**
 * The kiosk advisor judged by the scenario set written before it was (test/fixtures/
 * advisor-scenarios.json). The threshold sits just under what the tuned advisor reaches (64/71
 * when written), so a change to the facets, the scoring or the finder that loses scenarios fails.
 */
const THRESHOLD = 0.88;

describe('the kiosk advisor over the scenario set', () => {
  const dbs = searchDatabases('motcua-advisor-');

  it(`finds the right procedure top-1 after at most 3 questions in at least ${THRESHOLD * 100}% of the ${ADVISOR_SCENARIOS.length} scenarios, asking a median of at most 1, on PostgreSQL and on PGlite`, async () => {
    expect(ADVISOR_SCENARIOS.length).toBeGreaterThanOrEqual(60);
    for (const [label, h] of [['PostgreSQL', dbs.pg], ['PGlite', dbs.lite]] as const) {
      const r = await measureAdvisor(h.db);
      console.log(`advisor on ${label}: ${r.hits}/${r.total} top-1, median ${r.medianQuestions} question(s)${r.misses.length ? `\n  ${r.misses.join('\n  ')}` : ''}`);
      expect(r.rate).toBeGreaterThanOrEqual(THRESHOLD);
      expect(r.medianQuestions).toBeLessThanOrEqual(1);
      expect(r.maxQuestions).toBeLessThanOrEqual(3);
    }
  });
});
