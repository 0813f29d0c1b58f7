import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import { Router } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { dossiers } from '../../db/schema';
import { CLOCK_RUNNING, STATUSES } from '../../domain/status';
import type { AppContext } from '../context';

/**
 * Prometheus metrics at GET /api/metrics (text exposition format, no token: scrape it from the
 * internal network and keep it off the public proxy):
 *  - motcua_http_request_duration_seconds{method,route,status}: every API request, by route pattern;
 *  - motcua_dossiers{status}: dossiers by status, one indexed GROUP BY per scrape;
 *  - motcua_dossiers_overdue: open dossiers with the clock running past their due date;
 *  - the process's default metrics (CPU, memory, event-loop lag, GC) with the `motcua_` prefix.
 * Mounted before the other routes so that its timing middleware sees every request.
 */
export function metricsRoutes(ctx: AppContext): Router {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
  const db = ctx.dbh.db;

  const latency = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'API request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  new Gauge({
    name: 'motcua_dossiers',
    help: 'Dossiers by status (from the PostgreSQL projection)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db.select({ status: dossiers.status, n: sql<number>`count(*)::int` }).from(dossiers).groupBy(dossiers.status);
      const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
      for (const s of STATUSES) this.set({ status: s }, by.get(s) ?? 0);
    },
  });

  new Gauge({
    name: 'motcua_dossiers_overdue',
    help: 'Open dossiers whose processing clock runs past their due date',
    registers: [registry],
    async collect() {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(dossiers)
        .where(and(isNull(dossiers.finishedAt), inArray(dossiers.status, [...CLOCK_RUNNING]), lt(dossiers.dueAt, sql`now()`)));
      this.set(Number(row?.n ?? 0));
    },
  });

  const r = Router();
  r.use((req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      // The matched pattern (`/dossiers/:code`), never the raw path: label values stay few.
      const route = req.route?.path ? `${req.baseUrl.replace(/^\/api/, '')}${req.route.path}` : 'unmatched';
      end({ method: req.method, route: String(route), status: String(res.statusCode) });
    });
    next();
  });
  r.get('/metrics', async (_req, res) => {
    res.set('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
  return r;
}
