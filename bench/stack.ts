/**
 * Child-process entry of the benchmark and chaos runs: the motcua stack on DATABASE_URL and
 * TEMPORAL_ADDRESS, answering its HTTP port to the parent over IPC.
 *
 *  - BENCH_WORKER=1: runtime/system.ts as `npm start` runs it (API + worker in one process);
 *    BENCH_WORKER=0: the API only (migrations, seed, HTTP), workers run elsewhere (scripts/worker.ts).
 *  - BENCH_API=0: no API at all, for the no-op worker beside a cluster (bench/cluster-target.ts);
 *  - BENCH_NOOP_WORKER=1: also a worker for the no-op baseline workflow (bench/noop.workflow.ts),
 *    bundled on its own, on its own task queue.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { AgencyDirectory } from '../api/agency-directory';
import { ProcedureVersions } from '../api/procedure-versions';
import { createApp } from '../api/app';
import { loadEnv } from '../config/env';
import { openDb } from '../db/client';
import { seed } from '../db/seed';
import { createLogger } from '../runtime/logger';
import { startSystem } from '../runtime/system';
import { connectClient, connectWorker } from '../temporal/connect';
import { sweepPendingWorkflows } from '../temporal/dossier-starts';
import { NOOP_TASK_QUEUE } from './noop.workflow';

const env = loadEnv();
const stops: (() => Promise<void>)[] = [];
let port: number;

if (process.env.BENCH_API === '0') {
  // Only the no-op worker below: the API runs elsewhere (the cluster's own processes).
  port = 0;
} else if (process.env.BENCH_WORKER === '1') {
  const system = await startSystem(env);
  port = system.port;
  stops.push(() => system.stop());
} else {
  const log = createLogger(env.LOG_LEVEL);
  const dbh = openDb({ databaseUrl: env.DATABASE_URL, max: Number(process.env.BENCH_DB_POOL ?? 10) });
  await dbh.migrate();
  await seed(dbh.db, { adminPassword: env.MOTCUA_ADMIN_PASSWORD, demoUsers: true });
  const temporal = await connectClient(env.TEMPORAL_ADDRESS!, env.TEMPORAL_NAMESPACE);
  const agencies = new AgencyDirectory(dbh.db);
  await agencies.reload();
  const procedures = new ProcedureVersions(dbh.db);
  await procedures.reload();
  const app = createApp({ dbh, temporal, env, log, agencies, procedures });
  const starts = sweepPendingWorkflows(dbh.db, temporal, log);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(env.PORT, () => resolve(s));
  });
  port = (server.address() as { port: number }).port;
  stops.push(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections?.();
    await starts.stop();
    await temporal.connection.close();
    await dbh.close();
  });
}

if (process.env.BENCH_NOOP_WORKER === '1') {
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./noop.workflow.ts', import.meta.url)),
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} },
  });
  const worker = await Worker.create({ connection: await connectWorker(env.TEMPORAL_ADDRESS!), taskQueue: NOOP_TASK_QUEUE, workflowBundle });
  const run = worker.run();
  stops.unshift(async () => {
    worker.shutdown();
    await run.catch(() => {});
  });
}

process.send?.({ port });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const s of stops) await s().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
