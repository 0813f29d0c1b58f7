import proto from '@temporalio/proto';
import { Router } from 'express';
import { TASK_QUEUE } from '../../workflows/messages';
import type { AppContext } from '../context';

/** What the Temporal server says of itself: its persistence store, and who polls `dossiers`. */
async function temporalInfo(ctx: AppContext) {
  const service = ctx.temporal.workflowService;
  const [cluster, queue] = await Promise.all([
    service.getClusterInfo({}),
    service.describeTaskQueue({
      namespace: ctx.env.TEMPORAL_NAMESPACE,
      taskQueue: { name: TASK_QUEUE, kind: proto.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    }),
  ]);
  return {
    // "postgres12" on the cluster (npm run cluster, docker-compose.yml), "sqlite" on the dev server.
    persistence: cluster.persistenceStore ?? '',
    visibility: cluster.visibilityStore ?? '',
    // Worker processes seen polling in the last minutes (the server forgets a poller after ~5 min).
    pollers: queue.pollers?.length ?? 0,
  };
}

/** Liveness plus reachability of the two things the API cannot work without. */
export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const [database, temporal] = await Promise.all([ctx.dbh.ping().catch(() => false), temporalInfo(ctx).catch(() => null)]);
    const ok = database && temporal !== null;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      database: database ? 'up' : 'down',
      databaseKind: ctx.dbh.kind,
      temporal: temporal ? 'up' : 'down',
      ...(temporal ? { temporalPersistence: temporal.persistence, temporalVisibility: temporal.visibility, dossierPollers: temporal.pollers } : {}),
    });
  });
  return r;
}
