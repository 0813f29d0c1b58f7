/**
 * Scenario 5 — the procedure finder over the whole catalogue (~1,600 procedures), on PostgreSQL
 * and on PGlite (the embedded default), each against a primary-key lookup of a procedure on the
 * same database in the same run. The queries are the quality set's citizen queries
 * (test/fixtures/finder-queries.json), cycled; on PostgreSQL also through GET /api/procedures?q=
 * (the portal's request: ranking, count and the page's procedure views). Before measuring, one
 * search is EXPLAIN ANALYZEd on each database, so the plan is in the results. Target (issue 12
 * §6): the finder's p95 ≤ 50 ms; reported, not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { finderSql, searchProcedures } from '../../api/procedure-search';
import { openDb, type DbHandle } from '../../db/client';
import { syncProcedures } from '../../db/seed';
import { FINDER_QUERIES } from '../../test/finder-quality';
import { api, closedLoop, log, now, type Stats, type StackChild } from '../lib';

export interface FinderRun {
  database: 'postgres' | 'pglite';
  procedures: number;
  clients: number;
  plan: string;
  search: Stats & { firstErrors: string[] };
  pkLookup: Stats & { firstErrors: string[] };
  ratioP95: number;
}
export interface FinderResult {
  runs: FinderRun[];
  api?: Stats & { firstErrors: string[] };
  targetP95Ms: number;
}

const TARGET_P95_MS = 50;
const PLAN_QUERY = 'làm giấy khai sinh cho con';
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);
/** The figures without the raw latencies; the first errors stay, so a failing run says why. */
const strip = ({ latencies: _l, ...s }: Stats & { latencies: number[]; firstErrors: string[] }): Stats & { firstErrors: string[] } => s;

async function measure(dbh: DbHandle, clients: number, seconds: number): Promise<FinderRun> {
  const db = dbh.db;
  const codes = rowsOf<{ code: string }>(await db.execute(sql`select code from procedures order by code`)).map((r) => r.code);
  const explain = rowsOf<Record<string, string>>(await db.execute(sql`explain (analyze, buffers) ${finderSql(PLAN_QUERY)!.ranked}`));
  const plan = explain.map((r) => Object.values(r)[0]).join('\n');
  // Warm both paths (PGlite compiles on first use) before the clock runs.
  for (const q of FINDER_QUERIES.slice(0, 5)) await searchProcedures(db, q.q, 20);
  const search = strip(await closedLoop(clients, seconds, async (_c, i) => void (await searchProcedures(db, FINDER_QUERIES[i % FINDER_QUERIES.length]!.q, 20))));
  const pkLookup = strip(await closedLoop(clients, seconds, async (_c, i) => void (await db.execute(sql`select code, definition from procedures where code = ${codes[(i * 7919) % codes.length]!}`))));
  return { database: dbh.kind, procedures: codes.length, clients, plan, search, pkLookup, ratioP95: search.p95 / pkLookup.p95 };
}

export async function finderScenario(opts: { stack?: StackChild; databaseUrl: string; clients: number; seconds: number }): Promise<FinderResult> {
  const runs: FinderRun[] = [];
  const pg = openDb({ databaseUrl: opts.databaseUrl, max: opts.clients });
  try {
    await pg.migrate();
    await syncProcedures(pg.db);
    log('finder: PostgreSQL');
    runs.push(await measure(pg, opts.clients, opts.seconds));
  } finally {
    await pg.close();
  }
  let apiStats: (Stats & { firstErrors: string[] }) | undefined;
  if (opts.stack) {
    // stack.base already ends in /api: a second one made every request a 404 (0 ops, 13,640 errors).
    const a = api(opts.stack.base);
    log('finder: GET /api/procedures?q= through the stack');
    apiStats = strip(await closedLoop(opts.clients, opts.seconds, async (_c, i) => void (await a.call('GET', `/procedures?q=${encodeURIComponent(FINDER_QUERIES[i % FINDER_QUERIES.length]!.q)}&range=${encodeURIComponent('[0,9]')}`))));
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-finder-'));
  const lite = openDb({ dataDir: dir });
  try {
    const t = now();
    await lite.migrate();
    await syncProcedures(lite.db);
    log(`finder: PGlite (migrated and seeded in ${Math.round((now() - t) / 1000)} s); one client, as PGlite serves one connection`);
    runs.push(await measure(lite, 1, opts.seconds));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs, api: apiStats, targetP95Ms: TARGET_P95_MS };
}
