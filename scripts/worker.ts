/**
 * Worker-only entry: runs Temporal workers on the `dossiers` task queue and nothing else
 * (no HTTP API, no migrations, no seeding, no dev server). `npm start` / scripts/start.ts
 * migrates the database and also runs a worker; start this entry for extra workers, e.g.
 * `docker compose up --scale worker=3`.
 *
 * Needs DATABASE_URL (PostgreSQL, already migrated by the api) and TEMPORAL_ADDRESS.
 */
import { loadEnv } from '../config/env';
import { openDb } from '../db/client';
import { EXIT_MARGIN_MS } from '../runtime/bounded-stop';
import { createLogger } from '../runtime/logger';
import { connectWorker } from '../temporal/connect';
import { createWorker } from '../worker/worker';

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);

if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) {
  // An embedded PGlite database cannot be shared with another process, and there is no dev server here.
  log.fatal('scripts/worker.ts needs DATABASE_URL (PostgreSQL) and TEMPORAL_ADDRESS; use `npm start` for the all-in-one system');
  process.exit(1);
}

const dbh = openDb({ databaseUrl: env.DATABASE_URL });
const connection = await connectWorker(env.TEMPORAL_ADDRESS, { logLevel: env.TEMPORAL_LOG_LEVEL, metricsAddress: env.TEMPORAL_METRICS_ADDRESS });
// The pre-built bundle (npm run build:workflows, built into the image) when it matches the sources.
const worker = await createWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  deps: { db: dbh.db },
  maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
  log,
  shutdown: { graceMs: env.SHUTDOWN_GRACE_MS, forceMs: env.SHUTDOWN_FORCE_MS },
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing in-flight tasks');
    // Stops polling and lets running activities finish (SHUTDOWN_GRACE_MS); worker.run() below
    // then resolves, or rejects at SHUTDOWN_FORCE_MS. Whatever hangs after that, the process exits.
    worker.shutdown();
    setTimeout(() => {
      log.error('worker did not stop in time; exiting anyway');
      process.exit(1);
    }, env.SHUTDOWN_FORCE_MS + EXIT_MARGIN_MS).unref();
  });
}

// Forked by `npm run cluster`: a parent killed hard must not leave this worker behind.
if (process.channel) process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

log.info({ address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, metrics: env.TEMPORAL_METRICS_ADDRESS }, 'worker running');
let exitCode = 0;
try {
  await worker.run();
} catch (err) {
  log.error({ err }, 'worker stopped with an error');
  exitCode = 1;
} finally {
  await connection.close().catch(() => {});
  await dbh.close().catch(() => {});
}
log.info('worker stopped');
process.exit(exitCode);
