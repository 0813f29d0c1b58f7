import { fileURLToPath } from 'node:url';
import type { NativeConnection } from '@temporalio/worker';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUE } from '../workflows/messages';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

let runtimeInstalled = false;
/** The SDK's own logs (bundling, state changes) at WARN unless asked for: they drown the app's. */
function installRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const level = (process.env.TEMPORAL_LOG_LEVEL ?? 'WARN') as 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  Runtime.install({ logger: new DefaultLogger(level) });
}

/** A worker on the `dossiers` task queue with the real activities. */
export async function createWorker(opts: {
  connection: NativeConnection;
  namespace?: string;
  deps: ActivityDeps;
  taskQueue?: string;
}): Promise<Worker> {
  installRuntime();
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace ?? 'default',
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    workflowsPath,
    activities: createActivities(opts.deps),
    bundlerOptions: { ignoreModules: [] },
  });
}
