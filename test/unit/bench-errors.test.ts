import { describe, expect, it } from 'vitest';
import { erroredStats } from '../../bench/lib';

describe('the bench fails on any scenario that counted errors', () => {
  it('finds errors at any depth, named by their path', () => {
    const results = {
      failures: [],
      finder: {
        runs: [{ database: 'postgres', search: { n: 10, errors: 0, firstErrors: [] } }],
        // The row that once read "0 ops, 13,640 errors" and passed.
        api: { n: 0, errors: 13_640, firstErrors: ['HTTP 404: not found'] },
      },
      lists: { queries: [{ name: 'desk queue', stats: { n: 5, errors: 2, firstErrors: [] } }] },
    };
    expect(erroredStats(results)).toEqual([
      { path: 'finder.api', errors: 13_640, firstErrors: ['HTTP 404: not found'] },
      { path: 'lists.queries[desk queue].stats', errors: 2, firstErrors: [] },
    ]);
  });
  it('finds none in a clean run', () => {
    expect(erroredStats({ finder: { api: { n: 3, errors: 0 } }, failures: [] })).toEqual([]);
  });
});
