import { and, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { dossiers } from '../../db/schema';
import { CLOCK_RUNNING } from '../../domain/status';
import { PROCEDURES } from '../../workflows/procedures';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { forbidden, fromZod } from '../problem';
import { dossierScope } from '../scope';

const period = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
const procedureName = new Map(PROCEDURES.map((p) => [p.code, p.name.vi]));

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

  r.get('/stats/summary', requireUser, async (req, res) => {
    const scope = scopeOf(req);
    const p = period.safeParse(req.query);
    if (!p.success) throw fromZod(p.error);
    const inPeriod = and(
      scope,
      p.data.from ? gte(dossiers.createdAt, new Date(p.data.from)) : undefined,
      p.data.to ? lt(dossiers.createdAt, new Date(p.data.to)) : undefined,
    );
    const [[agg], byStatus] = await Promise.all([
      db
        .select({
          total: sql<number>`count(*)::int`,
          finished: sql<number>`count(*) filter (where ${dossiers.status} in ('DELIVERED', 'REJECTED'))::int`,
          onTime: sql<number>`count(*) filter (where ${dossiers.status} in ('DELIVERED', 'REJECTED') and ${dossiers.finishedAt} <= ${dossiers.dueAt})::int`,
          online: sql<number>`count(*) filter (where ${dossiers.channel} = 'online')::int`,
          feeDue: sql<number>`count(*) filter (where ${dossiers.paid})::int`,
          paidOnline: sql<number>`count(*) filter (where ${dossiers.paidOnline})::int`,
          avgDays: sql<number | null>`avg(extract(epoch from (${dossiers.finishedAt} - ${dossiers.receivedAt})) / 86400) filter (where ${dossiers.status} = 'DELIVERED')`,
          satisfaction: sql<number | null>`avg(${dossiers.rating})`,
        })
        .from(dossiers)
        .where(inPeriod),
      db.select({ status: dossiers.status, count: sql<number>`count(*)::int` }).from(dossiers).where(inPeriod).groupBy(dossiers.status),
    ]);
    const a = agg!;
    const rate = (n: number, d: number) => (d > 0 ? n / d : null);
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    res.json({
      total: a.total,
      finished: a.finished,
      onTimeRate: rate(a.onTime, a.finished),
      onlineRate: rate(a.online, a.total),
      onlinePaymentRate: rate(a.paidOnline, a.feeDue),
      avgProcessingDays: num(a.avgDays),
      satisfaction: num(a.satisfaction),
      byStatus,
    });
  });
  return r;
}
