import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUE } from '../workflows/messages';
import { defaultMaxCachedWorkflows } from './cache-size';
import { workflowCode } from './workflow-bundle';

export { workflowsPath } from './workflow-bundle';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  deps: ActivityDeps;
  taskQueue?: string;
  /** Sticky cache size (WORKER_MAX_CACHED_WORKFLOWS); unset: from memory, see cache-size.ts. */
  maxCachedWorkflows?: number;
  /** false: bundle the workflows now even when a fresh pre-built bundle exists (benchmark baseline). */
  prebuiltBundle?: boolean;
  log?: Logger;
  /** Stopping: in-flight activities' grace, then the worker's forced shutdown (SHUTDOWN_GRACE_MS / SHUTDOWN_FORCE_MS). */
  shutdown?: { graceMs: number; forceMs: number };
}

/** The defaults of config/env.ts, for callers without an Env (benchmarks, tests). */
export const DEFAULT_SHUTDOWN = { graceMs: 10_000, forceMs: 20_000 };

/**
 * A worker on the `dossiers` task queue with the real activities, running the pre-built
 * workflow bundle when it matches the sources (worker/workflow-bundle.ts) and a bounded
 * sticky cache.
 */
export async function createWorker(opts: CreateWorkerOptions): Promise<Worker> {
  const code = await workflowCode({ log: opts.log, prebuilt: opts.prebuiltBundle, save: opts.prebuiltBundle !== false });
  const maxCachedWorkflows = opts.maxCachedWorkflows ?? defaultMaxCachedWorkflows();
  opts.log?.info(
    { workflowCode: code.source, reason: code.reason, ms: Math.round(code.ms), maxCachedWorkflows },
    code.source === 'pre-built' ? 'worker: pre-built workflow bundle' : 'worker: workflows bundled at start',
  );
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace ?? 'default',
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    workflowBundle: { code: code.code },
    activities: createActivities(opts.deps),
    maxCachedWorkflows,
    // Bounded stop (docs/operations.md, "Stopping"): activities get the grace time, then are
    // cancelled; past the force time worker.run() rejects instead of waiting on a hung task.
    shutdownGraceTime: (opts.shutdown ?? DEFAULT_SHUTDOWN).graceMs,
    shutdownForceTime: (opts.shutdown ?? DEFAULT_SHUTDOWN).forceMs,
  });
}
