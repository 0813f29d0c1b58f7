/**
 * `npm run cluster -- --api N --workers M`: production rehearsed on one machine
 * (docs/production.md). temporal-server 1.29.1 on PostgreSQL from temporal/config/production.yaml
 * (schemas set up by temporal-sql-tool), N API processes sharing one port through node's cluster
 * module (the primary accepts and hands connections round-robin), M worker processes, one outbox
 * dispatcher. A process that dies is started again (a crash loop stops the cluster). Ctrl-C stops
 * them all: the motcua processes first, then the server.
 *
 * Flags: --api N (2) --workers M (2) --port P (PORT, else 3000; 0: a free one) --shards S (4)
 * --database-url URL (DATABASE_URL, else postgres://postgres:postgres@127.0.0.1:5432/motcua_cluster;
 * the database is created if missing, Temporal's two beside it as <name>_temporal[_visibility]).
 */
import cluster from 'node:cluster';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadEnv } from '../config/env';
import { openDb } from '../db/client';
import { seed } from '../db/seed';
import { clusterProcessEnv, PROCESS_ENTRIES, type ProcessRole } from '../runtime/cluster-env';
import { ensureClusterTools, ensureNamespace, freeTemporalPorts, setupTemporalSchemas, startTemporalServer, temporalServerEnv, type TemporalServer } from '../temporal/cluster-server';
import { freePort } from '../temporal/dev-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    api: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    port: { type: 'string' },
    shards: { type: 'string', default: '4' },
    'database-url': { type: 'string' },
  },
});
const count = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${v}`);
  return n;
};
const apis = count('api', flags.api, 1);
const workers = count('workers', flags.workers, 1);
const shards = count('shards', flags.shards, 1);
const databaseUrl = flags['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/motcua_cluster';
const url = new URL(databaseUrl);
const dbName = url.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`database name ${dbName} must be a plain lower-case identifier`);
const port = flags.port !== undefined ? count('port', flags.port, 0) : Number(process.env.PORT ?? 3000);
const httpPort = port === 0 ? await freePort() : port;
const say = (line: string) => console.log(`[cluster] ${line}`);
const t0 = Date.now();

// 1. Databases: motcua's (migrated and seeded here, once) and Temporal's two (temporal-sql-tool).
const admin = postgres({ ...pgOptions(url), database: 'postgres', max: 1, onnotice: () => {} });
const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
if (!exists) await admin.unsafe(`create database ${dbName}`);
await admin.end();
const env = loadEnv({ ...process.env, DATABASE_URL: databaseUrl });
const dbh = openDb({ databaseUrl, max: 2 });
await dbh.migrate();
await seed(dbh.db, { adminPassword: env.MOTCUA_ADMIN_PASSWORD, demoUsers: env.NODE_ENV !== 'production' });
await dbh.close();
const tools = ensureClusterTools();
const temporalDbs = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), db: `${dbName}_temporal`, visibilityDb: `${dbName}_temporal_visibility` };
setupTemporalSchemas(tools.sqlTool, temporalDbs);
say(`databases ready: ${dbName}, ${temporalDbs.db}, ${temporalDbs.visibilityDb} (${Date.now() - t0} ms)`);

// 2. The Temporal server, then the namespace it does not register itself.
const logDir = path.join(env.dataDir, 'cluster');
mkdirSync(logDir, { recursive: true });
const ports = await freeTemporalPorts(process.env.TEMPORAL_PORT ? Number(process.env.TEMPORAL_PORT) : undefined);
let temporal: TemporalServer = await startTemporalServer(tools.server, temporalServerEnv(temporalDbs, ports, shards), path.join(logDir, 'temporal.log'));
await Promise.race([
  ensureNamespace(temporal.address, env.TEMPORAL_NAMESPACE),
  temporal.exited.then(() => {
    throw new Error(`temporal-server exited while starting; see ${path.join(logDir, 'temporal.log')}`);
  }),
]).catch(async (err: unknown) => {
  await temporal.stop();
  throw err;
});
say(`temporal-server (PostgreSQL, ${shards} history shards) at ${temporal.address}, pid ${temporal.process.pid} (${Date.now() - t0} ms)`);

// 3. The motcua processes. Short stops by default, so that Ctrl-C is done within seconds.
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  SHUTDOWN_GRACE_MS: process.env.SHUTDOWN_GRACE_MS ?? '2000',
  SHUTDOWN_FORCE_MS: process.env.SHUTDOWN_FORCE_MS ?? '4000',
};
// One SDK metrics port per machine would collide between workers.
delete childEnv.TEMPORAL_METRICS_ADDRESS;
const at = { databaseUrl, temporalAddress: temporal.address, namespace: env.TEMPORAL_NAMESPACE, port: httpPort };
const envOf = (role: ProcessRole) => ({ ...childEnv, ...clusterProcessEnv(role, at) });
const entry = (role: ProcessRole) => path.join(root, PROCESS_ENTRIES[role]);
/**
 * Each motcua process (and the Temporal server) is supervised as systemd or Kubernetes would: one
 * that dies unasked is started again after a second (`npm run chaos -- --cluster` kills them on
 * purpose). A process that dies 5 times within a minute is crash-looping: the cluster stops.
 */
interface Supervised { name: string; proc: ChildProcess; start: () => ChildProcess; deaths: number[] }
const children: Supervised[] = [];
cluster.setupPrimary({ exec: entry('api') });
const forkApi = () => cluster.fork(envOf('api'));
const listening = Array.from({ length: apis }, (_, i) => {
  const w = forkApi();
  supervise({ name: `api ${i + 1}`, proc: w.process, start: () => forkApi().process, deaths: [] });
  return new Promise<void>((resolve, reject) => {
    w.once('listening', () => resolve());
    w.once('exit', (code) => reject(new Error(`api ${i + 1} exited with code ${code} before listening`)));
  });
});
for (let i = 0; i < workers; i++) {
  const start = () => fork(entry('worker'), { env: envOf('worker') });
  supervise({ name: `worker ${i + 1}`, proc: start(), start, deaths: [] });
}
{
  const start = () => fork(entry('dispatcher'), { env: envOf('dispatcher') });
  supervise({ name: 'outbox dispatcher', proc: start(), start, deaths: [] });
}

let stopping = false;
function supervise(c: Supervised) {
  if (!children.includes(c)) children.push(c);
  c.proc.once('exit', (code, signal) => {
    if (stopping) return;
    const now = Date.now();
    c.deaths = [...c.deaths.filter((t) => now - t < 60_000), now];
    if (c.deaths.length >= 5) {
      say(`${c.name} (pid ${c.proc.pid}) exited (${signal ?? code}), ${c.deaths.length} times within a minute; stopping the cluster`);
      stoppedAt = now;
      void stopAll(1);
      return;
    }
    say(`${c.name} (pid ${c.proc.pid}) exited (${signal ?? code}); starting it again in 1 s`);
    setTimeout(() => {
      if (stopping) return;
      c.proc = c.start();
      say(`${c.name} is pid ${c.proc.pid}`);
      supervise(c);
    }, 1000);
  });
}

/** The Temporal server, supervised the same way: restarted on its ports and databases, where clients reconnect. */
let temporalDeaths: number[] = [];
function superviseTemporal(server: TemporalServer) {
  void server.exited.then(async () => {
    if (stopping) return;
    const now = Date.now();
    temporalDeaths = [...temporalDeaths.filter((t) => now - t < 60_000), now];
    if (temporalDeaths.length >= 5) {
      say(`temporal-server exited ${temporalDeaths.length} times within a minute; stopping the cluster`);
      stoppedAt = now;
      return stopAll(1);
    }
    say(`temporal-server (pid ${server.process.pid}) exited (${server.process.signalCode ?? server.process.exitCode}); starting it again`);
    try {
      temporal = await startTemporalServer(tools.server, temporalServerEnv(temporalDbs, ports, shards), path.join(logDir, 'temporal.log'));
      say(`temporal-server is pid ${temporal.process.pid}`);
      superviseTemporal(temporal);
    } catch (err) {
      say(`temporal-server did not come back: ${(err as Error).message}; stopping the cluster`);
      stoppedAt = Date.now();
      await stopAll(1);
    }
  });
}
superviseTemporal(temporal);

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping: api, workers and dispatcher, then temporal-server');
  const alive = children.filter((c) => c.proc.exitCode === null && c.proc.signalCode === null);
  await Promise.all(alive.map(({ proc }) => new Promise<void>((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.once('exit', () => (clearTimeout(kill), resolve()));
    proc.kill('SIGTERM');
  })));
  await temporal.stop();
  say(`stopped in ${Date.now() - stoppedAt} ms`);
  process.exit(code);
}
let stoppedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130); // a second Ctrl-C: now
    stoppedAt = Date.now();
    void stopAll(0);
  });
}

try {
  await Promise.all(listening);
} catch (err) {
  say((err as Error).message);
  stoppedAt = Date.now();
  await stopAll(1);
}
say(`up in ${Date.now() - t0} ms`);
console.log(`
  motcua cluster (${apis} API, ${workers} workers, 1 outbox dispatcher)
    API, portal, back office: http://localhost:${httpPort}/  (health: /api/health)
    Temporal frontend:        ${temporal.address}  (namespace ${env.TEMPORAL_NAMESPACE}; log ${path.join(logDir, 'temporal.log')})
    PostgreSQL:               ${url.host}/${dbName} (motcua), ${temporalDbs.db}, ${temporalDbs.visibilityDb}
    processes:                ${children.map((c) => `${c.name} ${c.proc.pid}`).join(', ')}
  Ctrl-C stops everything.
`);

function pgOptions(u: URL) {
  return { host: u.hostname, port: Number(u.port || 5432), username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}
