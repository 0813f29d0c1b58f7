/**
 * Child process of the worker-footprint scenario: one dossier worker on BENCH_TASK_QUEUE, made by
 * the production factory (worker/worker.ts createWorker) with the real activities.
 *
 *  - BENCH_PREBUILT=0: bundle the workflows at start (the baseline); otherwise the pre-built bundle;
 *  - BENCH_MAX_CACHED=<n> | sdk: the sticky cache size; `sdk` is the SDK's own default (what the
 *    worker had before it was capped), unset is ours (worker/cache-size.ts);
 *  - TEMPORAL_METRICS_ADDRESS: the SDK's Prometheus exporter, which the parent reads (sticky cache
 *    size, evictions, workflow tasks).
 * Tells the parent over IPC how long createWorker took, once it is polling.
 */
import v8 from 'node:v8';
import { openDb } from '../db/client';
import { connectWorker } from '../temporal/connect';
import { defaultMaxCachedWorkflows } from '../worker/cache-size';
import { createWorker } from '../worker/worker';

/** The SDK's default for reuseV8Context workers (worker-options.js): 600 workflows per GiB of V8 heap above 200 MiB. */
const sdkDefaultMaxCached = () => Math.max(Math.floor(((v8.getHeapStatistics().heap_size_limit / 2 ** 20 - 200) * 600) / 1024), 10);

const cacheArg = process.env.BENCH_MAX_CACHED;
const maxCachedWorkflows = cacheArg === 'sdk' ? sdkDefaultMaxCached() : cacheArg ? Number(cacheArg) : defaultMaxCachedWorkflows();
const dbh = openDb({ databaseUrl: process.env.DATABASE_URL! });
const connection = await connectWorker(process.env.TEMPORAL_ADDRESS!, { metricsAddress: process.env.TEMPORAL_METRICS_ADDRESS });
const t0 = performance.now();
const worker = await createWorker({
  connection,
  taskQueue: process.env.BENCH_TASK_QUEUE!,
  deps: { db: dbh.db },
  prebuiltBundle: process.env.BENCH_PREBUILT !== '0',
  maxCachedWorkflows,
});
const createMs = performance.now() - t0;
const run = worker.run();
process.send?.({ ready: true, createMs, maxCachedWorkflows });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  worker.shutdown();
  await run.catch(() => {});
  await dbh.close().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
