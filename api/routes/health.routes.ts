import { Router } from 'express';
import type { AppContext } from '../context';

/** Liveness plus reachability of the two things the API cannot work without. */
export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const [database, temporal] = await Promise.all([
      ctx.dbh.ping().catch(() => false),
      ctx.temporal.workflowService
        .getSystemInfo({})
        .then(() => true)
        .catch(() => false),
    ]);
    const ok = database && temporal;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database: database ? 'up' : 'down', databaseKind: ctx.dbh.kind, temporal: temporal ? 'up' : 'down' });
  });
  return r;
}
