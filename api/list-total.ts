import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';

/**
 * Lists count at most this many rows for their total. Beyond it nobody pages (they filter), and
 * an exact `count(*)` over a province's million dossiers costs a full scan on every page turn.
 */
export const COUNT_CAP = 10_000;

export interface ListTotal {
  total: number;
  /** True when more than COUNT_CAP rows match: `total` is then a lower bound, not the count. */
  capped: boolean;
}

/**
 * The total behind a page of `rows.length` rows at `offset`. A page that is not full already tells
 * the exact total, so no count runs; otherwise at most COUNT_CAP + 1 matching rows are counted.
 */
export async function listTotal(db: Db, table: PgTable, where: SQL | undefined, page: { offset: number; limit: number; rows: number }): Promise<ListTotal> {
  if (page.rows < page.limit && (page.rows > 0 || page.offset === 0)) return { total: page.offset + page.rows, capped: false };
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(table).where(where).limit(COUNT_CAP + 1).as('bounded'));
  const n = row?.n ?? 0;
  // A page beyond the cap proves at least offset + rows matches.
  return { total: Math.max(n, page.offset + page.rows), capped: n > COUNT_CAP };
}
