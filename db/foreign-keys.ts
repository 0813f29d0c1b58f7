import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * The foreign keys still NOT VALID: migration 0017 leaves a key so when rows written before it
 * refer to nothing (docs/operations.md, "Foreign keys"). New rows are checked all the same; the
 * start logs these so the orphans get fixed and the key validated.
 */
export async function unvalidatedForeignKeys(db: Db): Promise<string[]> {
  const result: unknown = await db.execute(sql`
    select conname as name from pg_constraint
    where contype = 'f' and not convalidated and connamespace = 'public'::regnamespace
    order by conname`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows as { name: string }[]).map((r) => r.name);
}
