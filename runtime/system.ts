import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { AgencyDirectory } from '../api/agency-directory';
import { ProcedureVersions } from '../api/procedure-versions';
import { createApp } from '../api/app';
import { documentSigner } from '../api/document-signer';
import { startOrphanSweeper } from '../api/orphan-uploads';
import type { Env } from '../config/env';
import { openDb, type DbHandle } from '../db/client';
import { unvalidatedForeignKeys } from '../db/foreign-keys';
import { seed } from '../db/seed';
import { connectClient, connectWorker } from '../temporal/connect';
import { sweepPendingWorkflows } from '../temporal/dossier-starts';
import type { DevServer } from '../temporal/dev-server';
import { createWorker } from '../worker/worker';
import { createDispatcher, type Dispatcher } from '../integrations';
import { devTemporal } from './dev-temporal';
import { createLogger } from './logger';

export interface System {
  env: Env;
  log: Logger;
  dbh: DbHandle;
  temporal: Client;
  /** Absent in an API-only process (`npm run cluster` runs workers apart: scripts/worker.ts). */
  worker?: Worker;
  /** Delivers the outbox (portal, SMS, e-mail) beside the worker; absent when OUTBOX_DISPATCHER=off. */
  dispatcher?: Dispatcher;
  /** The caches an admin's edit made through another process reaches (db/change-feed.ts). */
  agencies: AgencyDirectory;
  procedures: ProcedureVersions;
  server: Server;
  port: number;
  devServer?: DevServer;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Start a worker in this process (default). Off for the API processes of `npm run cluster`,
   * which runs its workers apart; never off with PGlite, where only one process may open its files.
   */
  worker?: boolean;
  /** Migrate and seed the database (default); off when another process has done it (`npm run cluster`). */
  prepare?: boolean;
  /** Temporal dev server port when no TEMPORAL_ADDRESS is given. */
  temporalPort?: number;
}

/**
 * Explicit limits instead of Node's defaults (docs/security.md, "HTTP"): a client that trickles
 * its headers or body (slow loris) is cut off, and sockets beyond the cap are refused at once
 * rather than starving the event loop.
 */
export function hardenServer(server: Server, env: Pick<Env, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_MAX_CONNECTIONS'>) {
  server.headersTimeout = env.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = env.HTTP_REQUEST_TIMEOUT_MS;
  // Idle keep-alive sockets close before a proxy's usual 60 s, so the proxy never reuses a dead one.
  server.keepAliveTimeout = 5_000;
  server.maxConnections = env.HTTP_MAX_CONNECTIONS;
}

/**
 * The whole stack in one process: Temporal (dev server unless TEMPORAL_ADDRESS is set),
 * the database (migrated and seeded), a worker on `dossiers`, and the HTTP API.
 */
export async function startSystem(env: Env, opts: StartOptions = {}): Promise<System> {
  const log = createLogger(env.LOG_LEVEL);
  // The agency's certificate signs receipts and results: a missing file or a wrong password
  // stops a production start rather than the first citizen's download (docs/signing.md).
  if (env.NODE_ENV === 'production') await documentSigner(env);
  mkdirSync(env.dataDir, { recursive: true });
  let devServer: DevServer | undefined;
  let address = env.TEMPORAL_ADDRESS;
  let temporalUiUrl = env.TEMPORAL_UI_URL;
  if (!address) {
    const dev = await devTemporal(env.dataDir, opts.temporalPort ?? 7233, log);
    ({ address, devServer } = dev);
    temporalUiUrl ??= dev.uiUrl;
  }
  const dbh = openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  if (opts.prepare !== false) {
    await dbh.migrate();
    const unvalidated = await unvalidatedForeignKeys(dbh.db);
    if (unvalidated.length) log.warn({ foreignKeys: unvalidated }, 'foreign keys not validated: rows written before them refer to nothing (docs/operations.md, "Foreign keys")');
    const seeded = await seed(dbh.db, { adminPassword: env.MOTCUA_ADMIN_PASSWORD, demoUsers: env.NODE_ENV !== 'production' });
    log.info({ db: dbh.kind, ...seeded }, 'database ready');
  }

  const temporal = await connectClient(address, env.TEMPORAL_NAMESPACE);
  const runWorker = opts.worker !== false || dbh.kind === 'pglite';
  const worker = runWorker
    ? await createWorker({
        connection: await connectWorker(address, { logLevel: env.TEMPORAL_LOG_LEVEL, metricsAddress: env.TEMPORAL_METRICS_ADDRESS }),
        namespace: env.TEMPORAL_NAMESPACE,
        deps: { db: dbh.db },
        maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
        log,
        shutdown: { graceMs: env.SHUTDOWN_GRACE_MS, forceMs: env.SHUTDOWN_FORCE_MS },
      })
    : undefined;
  const workerRun = worker?.run();
  const dispatcher = env.OUTBOX_DISPATCHER === 'on' ? createDispatcher(env, dbh, log).start() : undefined;
  if (dispatcher) log.info({ channels: dispatcher.configuredChannels }, 'outbox dispatcher started');
  // Submissions recorded while Temporal was unreachable get their workflow here.
  const starts = sweepPendingWorkflows(dbh.db, temporal, log);

  // Both caches hear other processes' edits (db/change-feed.ts); listening before the first read
  // leaves no gap in which an edit could be missed.
  const agencies = new AgencyDirectory(dbh.db, dbh.changes);
  const procedures = new ProcedureVersions(dbh.db, dbh.changes);
  await dbh.changes.ready();
  await agencies.reload();
  await procedures.reload();
  const app = createApp({ dbh, temporal, env, log, agencies, procedures, temporalUiUrl });
  // Uploads never attached to a dossier are removed after a day (docs/security.md).
  const orphans = startOrphanSweeper(dbh.db, env.dataDir, { ttlMs: env.ORPHAN_UPLOAD_TTL_MS, everyMs: env.ORPHAN_SWEEP_MS }, log);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(env.PORT, () => resolve(s));
  });
  hardenServer(server, env);
  const port = (server.address() as { port: number }).port;
  log.info({ url: `http://localhost:${port}` }, 'motcua is up');

  return {
    env, log, dbh, temporal, worker, dispatcher, agencies, procedures, server, port, devServer,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await orphans.stop();
      await dispatcher?.stop().catch((err) => log.error({ err }, 'outbox dispatcher stopped with an error'));
      await starts.stop();
      worker?.shutdown();
      await workerRun?.catch((err) => log.error({ err }, 'worker stopped with an error'));
      await temporal.connection.close();
      await dbh.close();
      await devServer?.stop();
    },
  };
}
