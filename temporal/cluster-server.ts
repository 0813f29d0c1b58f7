import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { waitForPort } from './dev-server';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The one Temporal config file of the rehearsal and of docker-compose.yml (docs/production.md). */
export const TEMPORAL_CONFIG_DIR = 'temporal/config';
export const TEMPORAL_CONFIG_ENV = 'production';

/** temporal-server and temporal-sql-tool 1.29.1, built once by `npm run setup -- --cluster` (cached). */
export function ensureClusterTools(): { server: string; sqlTool: string } {
  const res = spawnSync('bash', [path.join(root, 'scripts/setup-temporal.sh'), '--cluster'], {
    env: { ...process.env, TEMPORAL_ADDRESS: '', MOTCUA_SKIP_TEST_SERVER: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error('could not set up temporal-server (see the messages above)');
  const vars = Object.fromEntries(res.stdout.split('\n').filter((l) => l.includes('=')).map((l) => l.split('=', 2) as [string, string]));
  return { server: vars.TEMPORAL_SERVER!, sqlTool: vars.TEMPORAL_SQL_TOOL! };
}

/** Where the server's two databases are, and as whom it connects (docker-compose.yml's names). */
export interface TemporalDatabases {
  host: string;
  port: number;
  user: string;
  password: string;
  db: string;
  visibilityDb: string;
}

/**
 * Creates the persistence and visibility databases if missing and brings their schemas to the
 * version this server needs, with the schemas embedded in temporal-sql-tool. Idempotent, like
 * docker-compose.yml's temporal-admin-tools.
 */
export function setupTemporalSchemas(sqlTool: string, d: TemporalDatabases): void {
  const base = ['--plugin', 'postgres12', '--ep', d.host, '-p', String(d.port), '-u', d.user];
  const run = (db: string, args: string[], okToFail = false) => {
    const res = spawnSync(sqlTool, [...base, '--db', db, ...args], { env: { ...process.env, SQL_PASSWORD: d.password }, encoding: 'utf8' });
    if (res.status !== 0 && !okToFail) throw new Error(`temporal-sql-tool ${args[0]} on ${db} failed: ${(res.stderr || res.stdout).slice(-1500)}`);
    return res.status === 0;
  };
  for (const [db, schema] of [[d.db, 'temporal'], [d.visibilityDb, 'visibility']] as const) {
    run(db, ['create'], true); // "already exists" is fine
    run(db, ['setup-schema', '-v', '0.0'], true); // done once; later runs find the version table
    run(db, ['update-schema', '--schema-name', `postgresql/v12/${schema}`]);
  }
}

/** The rpc ports of the four services in one process; free ones unless given. */
export interface TemporalPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/** A free port below 32768: Temporal stores membership ports in a PostgreSQL smallint. */
async function freeLowPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(port)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return (taken.add(port), port);
  }
}

export async function freeTemporalPorts(frontend?: number): Promise<TemporalPorts> {
  const taken = new Set<number>(frontend ? [frontend] : []);
  const p = () => freeLowPort(taken);
  return {
    frontend: frontend ?? (await p()),
    frontendHttp: await p(),
    frontendMembership: await p(),
    history: await p(),
    historyMembership: await p(),
    matching: await p(),
    matchingMembership: await p(),
    worker: await p(),
    workerMembership: await p(),
  };
}

/** The environment temporal/config/production.yaml reads: the same names docker-compose.yml sets. */
export function temporalServerEnv(d: TemporalDatabases, ports: TemporalPorts, shards: number): Record<string, string> {
  return {
    POSTGRES_SEEDS: d.host,
    DB_PORT: String(d.port),
    POSTGRES_USER: d.user,
    POSTGRES_PWD: d.password,
    DBNAME: d.db,
    VISIBILITY_DBNAME: d.visibilityDb,
    NUM_HISTORY_SHARDS: String(shards),
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_GRPC_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_GRPC_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_GRPC_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    LOG_LEVEL: 'warn',
  };
}

export interface TemporalServer {
  address: string;
  process: ChildProcess;
  /** Settles when the server process ends (a fatal start error included). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts all four Temporal services in one temporal-server process from the committed config,
 * its log in `logFile`. In its own process group: a Ctrl-C in the terminal reaches the motcua
 * processes first, and scripts/cluster.ts stops the server after them.
 */
export async function startTemporalServer(server: string, env: Record<string, string>, logFile: string): Promise<TemporalServer> {
  const out = openSync(logFile, 'a');
  const [cmd, ...args] = [...tiedToThisProcess(), server, '--root', root, '--config', TEMPORAL_CONFIG_DIR, '--env', TEMPORAL_CONFIG_ENV, 'start'];
  const child = spawn(cmd!, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = Number(env.FRONTEND_GRPC_PORT);
  await Promise.race([
    waitForPort(port, '127.0.0.1', 90_000),
    exited.then(() => {
      throw new Error(`temporal-server exited early (code ${child.exitCode}); see ${logFile}`);
    }),
  ]);
  return {
    address: `127.0.0.1:${port}`,
    process: child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The server runs in its own process group (Ctrl-C in the terminal reaches motcua's processes
 * first, and they stop before it). A hard kill of `npm run cluster` sends it nothing, so on Linux
 * util-linux's setpriv (always present on Debian) asks the kernel to send it SIGTERM when its
 * parent dies; elsewhere it may outlive a SIGKILLed cluster and must be stopped by hand.
 */
function tiedToThisProcess(): string[] {
  if (process.platform !== 'linux') return [];
  const found = spawnSync('setpriv', ['--version'], { stdio: 'ignore' });
  return found.status === 0 ? ['setpriv', '--pdeathsig', 'TERM', '--'] : [];
}

/**
 * temporal-server registers no namespace (unlike the dev server): registers `namespace` if it is
 * missing, retrying while the server's services are still joining, then waits until it answers.
 */
export async function ensureNamespace(address: string, namespace: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const connection = await Connection.connect({ address, connectTimeout: 2_000 }).catch(() => null);
    try {
      if (connection) {
        const ready = await connection.workflowService.describeNamespace({ namespace }).then(() => true, () => false);
        if (ready) return;
        await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('30 days') }).catch(() => {});
      }
    } finally {
      await connection?.close();
    }
    if (Date.now() > deadline) throw new Error(`namespace ${namespace} is not ready on ${address} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
