import { and, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { dossiers } from '../../db/schema';
import { CLOCK_RUNNING } from '../../domain/status';
import { PROCEDURES } from '../../procedures';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { forbidden, fromZod } from '../problem';
import { dossierScope } from '../scope';
import type { Summary } from '../../domain/stats';
import { getStatusSums, summarise } from '../stats-summary';
import { getClassCounts, getResultDelivery, timelinessStats, type TimelinessStats } from '../stats-timeliness';
import { TtlCache } from '../ttl-cache';

const period = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
const procedureName = new Map(PROCEDURES.map((p) => [p.code, p.name.vi]));
/** How stale the summary's figures may be (its `asOf` says when they were read). */
const SUMMARY_TTL_MS = 30_000;
const dialect = new PgDialect();

/** Supervisor figures from indexed SQL over the projection, scoped to the caller's subtree. */
export function statsRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const agencyName = (code: string) => ctx.agencies.get(code)?.name ?? code;

  function scopeOf(req: Parameters<Parameters<typeof r.get>[1]>[0]): SQL {
    if (!req.ability!.can('read', 'Stats')) throw forbidden('statistics are for supervisors');
    return dossierScope(req.ability!) ?? sql`false`;
  }

  r.get('/stats/overdue', requireUser, async (req, res) => {
    const scope = scopeOf(req);
    const overdue = and(scope, isNull(dossiers.finishedAt), inArray(dossiers.status, [...CLOCK_RUNNING]), lt(dossiers.dueAt, sql`now()`));
    const count = sql<number>`count(*)::int`;
    const [byAgency, byProcedure, byStage, lostAt] = await Promise.all([
      db.select({ key: dossiers.agencyCode, count }).from(dossiers).where(overdue).groupBy(dossiers.agencyCode).orderBy(sql`2 desc`),
      db.select({ key: dossiers.procedureCode, count }).from(dossiers).where(overdue).groupBy(dossiers.procedureCode).orderBy(sql`2 desc`),
      db.select({ key: dossiers.status, count }).from(dossiers).where(overdue).groupBy(dossiers.status).orderBy(sql`2 desc`),
      // Each agency's share of the deadline that was (or is being) overrun, across hand-offs.
      db.execute(sql`
        select s->>'agencyCode' as key, count(*)::int as count
        from ${dossiers}, jsonb_array_elements(${dossiers.state}->'shares') s
        where ${scope} and s->>'dueAt' is not null
          and coalesce((s->>'leftAt')::bigint, (extract(epoch from now()) * 1000)::bigint) > (s->>'dueAt')::bigint
          and ${dossiers.status} not in ('NOT_ACCEPTED', 'WITHDRAWN')
        group by 1 order by 2 desc`),
    ]);
    const lost = (Array.isArray(lostAt) ? lostAt : (lostAt as unknown as { rows: unknown[] }).rows) as { key: string; count: number }[];
    res.json({
      total: byAgency.reduce((n, x) => n + x.count, 0),
      byAgency: byAgency.map((x) => ({ agencyCode: x.key, agencyName: agencyName(x.key), count: x.count })),
      byProcedure: byProcedure.map((x) => ({ procedureCode: x.key, procedureName: procedureName.get(x.key) ?? x.key, count: x.count })),
      byStage: byStage.map((x) => ({ status: x.key, count: x.count })),
      lostAt: lost.map((x) => ({ agencyCode: x.key, agencyName: agencyName(x.key), count: Number(x.count) })),
    });
  });

  /** The caller's scope and the asked period as one condition, and that condition as a cache key. */
  const scopedPeriod = (req: Request) => {
    const p = period.safeParse(req.query);
    if (!p.success) throw fromZod(p.error);
    const { from, to } = p.data;
    const where = and(scopeOf(req), from ? gte(dossiers.createdAt, new Date(from)) : undefined, to ? lt(dossiers.createdAt, new Date(to)) : undefined);
    return { where, key: JSON.stringify(dialect.sqlToQuery(where ?? sql`true`)) };
  };

  // Figures over a whole province take a scan of its dossiers (~1 s at a million): each scope and
  // period is read at most once per SUMMARY_TTL_MS, however many supervisors look at it.
  const summaries = new TtlCache<Summary>(SUMMARY_TTL_MS, 1_000);
  r.get('/stats/summary', requireUser, async (req, res) => {
    const { where, key } = scopedPeriod(req);
    res.json(await summaries.get(key, async () => summarise(await getStatusSums(db, where), new Date())));
  });

  // Early / on time / late by deciding agency and procedure, with Decision 766's indicator groups
  // (docs/decision-766.md); scoped and cached like the summary.
  const timeliness = new TtlCache<TimelinessStats>(SUMMARY_TTL_MS, 1_000);
  r.get('/stats/timeliness', requireUser, async (req, res) => {
    const { where, key } = scopedPeriod(req);
    res.json(
      await timeliness.get(key, async () => {
        const [rows, sums, results] = await Promise.all([getClassCounts(db, where), getStatusSums(db, where), getResultDelivery(db, where)]);
        const names = { agency: agencyName, procedure: (code: string) => procedureName.get(code) ?? code };
        return timelinessStats(rows, summarise(sums, new Date()), results, names, new Date());
      }),
    );
  });
  return r;
}
