/**
 * Child process of the worker-footprint scenario: one dossier worker on BENCH_TASK_QUEUE with
 * the real activities, its workflow code either from a pre-built bundle (BENCH_BUNDLE=<file>,
 * `Worker.create({ workflowBundle })`) or bundled at start (`workflowsPath`, as worker/worker.ts).
 * Tells the parent over IPC how long Worker.create took and when it is polling.
 */
import { readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { openDb } from '../db/client';
import { connectWorker } from '../temporal/connect';
import { workflowsPath } from '../worker/worker';

const started = performance.now();
const dbh = openDb({ databaseUrl: process.env.DATABASE_URL! });
const connection = await connectWorker(process.env.TEMPORAL_ADDRESS!);
const imported = performance.now();
const bundleFile = process.env.BENCH_BUNDLE;
const common = {
  connection,
  taskQueue: process.env.BENCH_TASK_QUEUE!,
  activities: createActivities({ db: dbh.db }),
};
const worker = bundleFile
  ? await Worker.create({ ...common, workflowBundle: { code: readFileSync(bundleFile, 'utf8') } })
  : await Worker.create({ ...common, workflowsPath, bundlerOptions: { ignoreModules: [] } });
const created = performance.now();
const run = worker.run();
process.send?.({ ready: true, createMs: created - imported, sinceStartMs: created - started, processUptimeMs: process.uptime() * 1000 });

process.on('SIGTERM', async () => {
  worker.shutdown();
  await run.catch(() => {});
  await dbh.close().catch(() => {});
  process.exit(0);
});
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
