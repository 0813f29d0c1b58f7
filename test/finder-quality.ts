import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { searchProcedures } from '../api/routes/procedures.routes';
import type { Db } from '../db/client';

/** One citizen query of the quality set and the procedures any of which must be in the top 3. */
export interface FinderQuery {
  q: string;
  expect: string[];
  level?: 'commune' | 'province';
}

/** The quality set, written before the finder was tuned (test/fixtures/finder-queries.json). */
export const FINDER_QUERIES = (
  JSON.parse(readFileSync(new URL('./fixtures/finder-queries.json', import.meta.url), 'utf8')) as { queries: FinderQuery[] }
).queries;

/** The top-3 hit rate of the finder over the quality set, and what it answered where it missed. */
export async function measureFinder(db: Db, queries: FinderQuery[] = FINDER_QUERIES) {
  const misses: string[] = [];
  for (const { q, expect, level } of queries) {
    const top = (await searchProcedures(db, q, 3, level ? sql`level = ${level}` : undefined)).map((h) => h.code);
    if (!top.some((c) => expect.includes(c))) misses.push(`"${q}"${level ? ` [${level}]` : ''} → [${top.join(', ')}], expected ${expect.join(' or ')}`);
  }
  return { total: queries.length, hits: queries.length - misses.length, rate: (queries.length - misses.length) / queries.length, misses };
}
