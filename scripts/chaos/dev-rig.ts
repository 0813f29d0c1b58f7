/**
 * The dev stack for chaos: its own Temporal dev server (SQLite), its own database, the API in a
 * child process and the worker in a SEPARATE child process (scripts/worker.ts) that a small
 * supervisor here restarts, as systemd would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, log, recreateDatabase, root, sleep, spawnStack } from '../../bench/lib';
import { ensureTemporalTools, freePort, startDevServer, waitForPort, type DevServer } from '../../temporal/dev-server';
import type { Rig } from './rig';

export async function devRig(o: { keepDb: boolean }): Promise<Rig & { workerStarts: () => number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-chaos-'));
  const dbFile = path.join(dir, 'temporal.db');
  const { cli } = ensureTemporalTools({ testServer: false });
  const temporalPort = await freePort();
  let devServer: DevServer = await startDevServer({ cli, port: temporalPort, dbFile });
  const temporalAddress = devServer.address;
  const dbName = 'motcua_chaos';
  const databaseUrl = await recreateDatabase(dbName);
  const stack = await spawnStack({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, MOTCUA_DATA_DIR: dir }, { worker: false });

  let worker: ChildProcess | undefined;
  let supervising = true;
  let workerStarts = 0;
  function startWorker() {
    workerStarts++;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, LOG_LEVEL: 'error', TEMPORAL_LOG_LEVEL: 'ERROR', NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code, signal) => {
      if (worker !== child && worker !== undefined) return;
      worker = undefined;
      if (!supervising) return;
      // The supervisor (systemd, Kubernetes…) brings a dead worker back after a second.
      if (signal !== 'SIGKILL') log(`chaos: worker exited by itself (code ${code}, ${signal ?? ''}); restarting`);
      setTimeout(() => supervising && !worker && (worker = startWorker()), 1000);
    });
    return child;
  }
  worker = startWorker();

  return {
    shape: `dev stack: the API in one process, the worker in another (restarted by a supervisor), Temporal CLI dev server on SQLite (${dbFile})`,
    base: stack.base,
    databaseUrl,
    temporalAddress,
    namespace: 'default',
    faults: ['worker', 'temporal'],
    workerStarts: () => workerStarts,
    async kill(kind) {
      const t = Date.now();
      if (kind === 'temporal') {
        const pid = devServer.process.pid;
        devServer.process.kill('SIGKILL');
        await new Promise((r) => (devServer.process.exitCode !== null || devServer.process.signalCode !== null ? r(null) : devServer.process.once('exit', r)));
        devServer = await startDevServer({ cli, port: temporalPort, dbFile });
        await waitForPort(temporalPort);
        return `pid ${pid} killed, restarted on the same SQLite file in ${((Date.now() - t) / 1000).toFixed(1)} s`;
      }
      if (kind !== 'worker') throw new Error(`the dev stack has no ${kind} process of its own to kill`);
      // Kill a live worker: when the previous one is still being restarted, wait for the new one.
      for (const until = Date.now() + 30_000; (!worker?.pid || worker.exitCode !== null || worker.signalCode !== null) && Date.now() < until; ) await sleep(200);
      if (!worker?.pid) return 'no worker came up within 30 s';
      const pid = worker.pid;
      worker.kill('SIGKILL');
      worker = undefined;
      return `pid ${pid}`;
    },
    async stop() {
      supervising = false;
      worker?.kill('SIGTERM');
      await stack.stop();
      await devServer.stop();
      if (!o.keepDb) await dropDatabase(dbName);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
