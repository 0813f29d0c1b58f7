import { createHash, timingSafeEqual } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { Router, type RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../db/client';
import { dossiers } from '../../db/schema';
import { defineScraperAbility } from '../../domain/ability';
import { CLOCK_RUNNING, STATUSES, STUCK_KINDS, type Status, type StuckKind } from '../../domain/status';
import type { AppContext } from '../context';
import { HttpProblem } from '../problem';
import { TtlCache } from '../ttl-cache';

/** Dossier counts are at most this old: one grouped scan per half minute, however often scraped. */
export const DOSSIER_COUNTS_TTL_MS = 30_000;

/**
 * Prometheus metrics (text exposition format) at GET /metrics, and at GET /api/metrics as before.
 * Behind METRICS_TOKEN as a bearer token when it is set; either way keep both paths off the
 * public proxy and scrape them from the internal network.
 *  - motcua_http_request_duration_seconds{method,route,status}: every API request, by route pattern;
 *  - motcua_dossiers{status}: dossiers by status, from the PostgreSQL projection;
 *  - motcua_dossiers_overdue: open dossiers with the clock running past their due date;
 *  - motcua_dossiers_stuck{kind}: dossiers whose workflow cannot record (record-failed: a change
 *    set aside until an administrator repairs it; retrying: recording keeps failing), the
 *    MotcuaDossierStuck alert of docs/operations.md;
 *  - the process's default metrics (CPU, memory, event-loop lag, GC) with the `motcua_` prefix.
 * The dossier gauges come from one grouped query, cached DOSSIER_COUNTS_TTL_MS: it is a
 * parallel scan of `dossiers` (0.4 s for a million rows on 2 cores), fine twice a minute, not
 * for every scrape of every replica.
 * Workflow task and activity latency are the worker's: Temporal's own exporter on
 * TEMPORAL_METRICS_ADDRESS (temporal/connect.ts).
 */
export function metricsRoutes(ctx: AppContext): { router: Router; expose: RequestHandler } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
  const counts = cachedDossierCounts(ctx.dbh.db, DOSSIER_COUNTS_TTL_MS);

  const latency = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'API request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  // A failed count leaves the two gauges without samples (absent() alerts fire) rather than
  // failing the whole scrape: request latency matters most when the database is in trouble.
  const failed = (err: unknown) => ctx.log.warn({ err }, 'metrics: counting dossiers failed');
  new Gauge({
    name: 'motcua_dossiers',
    help: `Dossiers by status (PostgreSQL projection, at most ${DOSSIER_COUNTS_TTL_MS / 1000} s old)`,
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts().catch(failed);
      if (c) for (const s of STATUSES) this.set({ status: s }, c.byStatus.get(s) ?? 0);
    },
  });
  new Gauge({
    name: 'motcua_dossiers_overdue',
    help: `Open dossiers whose processing clock runs past their due date (at most ${DOSSIER_COUNTS_TTL_MS / 1000} s old)`,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts().catch(failed);
      if (c) this.set(c.overdue);
    },
  });

  new Gauge({
    name: 'motcua_dossiers_stuck',
    help: `Dossiers whose workflow cannot record, by kind: record-failed (awaiting an administrator's repair) or retrying (at most ${DOSSIER_COUNTS_TTL_MS / 1000} s old)`,
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts().catch(failed);
      if (c) for (const kind of STUCK_KINDS) this.set({ kind }, c.stuck[kind]);
    },
  });

  const token = ctx.env.METRICS_TOKEN;
  const expose: RequestHandler = async (req, res) => {
    // With METRICS_TOKEN set, a scraper presents it as a bearer token (docs/security.md).
    const scraper = defineScraperAbility({ tokenRequired: Boolean(token), tokenPresented: Boolean(token) && bearerMatches(req.get('authorization'), token!) });
    if (!scraper.can('read', 'Metrics')) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new HttpProblem(401, 'unauthorized', 'Unauthorized', 'metrics need the METRICS_TOKEN bearer token');
    }
    res.set('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  };
  const router = Router();
  router.use((req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      // The matched pattern (`/dossiers/:code`), never the raw path: label values stay few.
      const route = req.route?.path ? `${req.baseUrl.replace(/^\/api/, '')}${req.route.path}` : 'unmatched';
      end({ method: req.method, route: String(route), status: String(res.statusCode) });
    });
    next();
  });
  router.get('/metrics', expose);
  return { router, expose };
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the configured token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = createHash('sha256').update(m[1]!).digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
}

interface DossierCounts {
  byStatus: Map<Status, number>;
  overdue: number;
  stuck: Record<StuckKind, number>;
}

/** One GROUP BY for both gauges, shared by concurrent scrapes and reused for `ttlMs` (a failure is not kept). */
function cachedDossierCounts(db: Db, ttlMs: number): () => Promise<DossierCounts> {
  const cache = new TtlCache<DossierCounts>(ttlMs, 1);
  const query = async (): Promise<DossierCounts> => {
    const overdue = sql`${dossiers.finishedAt} is null and ${dossiers.dueAt} < now() and ${inArray(dossiers.status, [...CLOCK_RUNNING])}`;
    const rows = await db
      .select({
        status: dossiers.status,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${overdue}))::int`,
        recordFailed: sql<number>`(count(*) filter (where ${dossiers.stuckKind} = 'record-failed'))::int`,
        retrying: sql<number>`(count(*) filter (where ${dossiers.stuckKind} = 'retrying'))::int`,
      })
      .from(dossiers)
      .groupBy(dossiers.status);
    return {
      byStatus: new Map(rows.map((r) => [r.status as Status, Number(r.n)])),
      overdue: rows.reduce((sum, r) => sum + Number(r.overdue), 0),
      stuck: {
        'record-failed': rows.reduce((sum, r) => sum + Number(r.recordFailed), 0),
        retrying: rows.reduce((sum, r) => sum + Number(r.retrying), 0),
      },
    };
  };
  return () => cache.get('all', query);
}
