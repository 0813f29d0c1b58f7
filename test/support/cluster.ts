import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningCluster {
  baseUrl: string;
  databaseUrl: string;
  /** The cluster's Temporal frontend (host:port), as it prints it. */
  temporalAddress: string;
  process: ChildProcess;
  output: () => string;
  /** Ctrl-C; resolves with the exit code and how long the stop took. */
  stop(): Promise<{ code: number | null; ms: number }>;
  /** Drops the cluster's three databases. */
  dropDatabases(): Promise<void>;
}

/** `npm run cluster` on a free port and a fresh database beside `adminUrl`'s. */
export async function startCluster(adminUrl: string, args: string[], timeoutMs = 180_000): Promise<RunningCluster> {
  const url = new URL(adminUrl);
  const name = `motcua_cluster_${process.pid}_${Date.now()}`;
  url.pathname = `/${name}`;
  const dataDir = path.join(os.tmpdir(), name);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts', ...args, '--port', '0', '--database-url', url.toString()], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', MOTCUA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cluster not up after ${timeoutMs} ms:\n${out.slice(-3000)}`)), timeoutMs);
    const check = () => {
      const m = /API, portal, back office: (http:\/\/localhost:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`cluster exited (${code}) while starting:\n${out.slice(-3000)}`));
    });
  });
  return {
    baseUrl,
    databaseUrl: url.toString(),
    temporalAddress: /Temporal frontend:\s+(\S+)/.exec(out)?.[1] ?? '',
    process: child,
    output: () => out,
    async stop() {
      const t = Date.now();
      if (child.exitCode === null) child.kill('SIGINT');
      const code = await exited;
      return { code, ms: Date.now() - t };
    },
    async dropDatabases() {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      for (const db of [name, `${name}_temporal`, `${name}_temporal_visibility`]) await admin.unsafe(`drop database if exists ${db} with (force)`).catch(() => {});
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
