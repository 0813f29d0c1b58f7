/**
 * Scenario 4 — worker footprint: a dossier worker in its own process (bench/footprint-worker.ts,
 * the production factory worker/worker.ts) on its own task queue.
 *
 *  - Start time: from the pre-built bundle (worker/workflow-bundle.ts, built once here as
 *    `npm run build:workflows` does) against bundling at start (the baseline).
 *  - RSS with N open dossiers, each waiting on its deadline timers, under the sticky cache cap
 *    (WORKER_MAX_CACHED_WORKFLOWS' default): idle (the baseline), while they open, after.
 *  - The same worker without our cap (the SDK's default cache size, what it had before): a fresh
 *    worker to which the first K of those dossiers are brought back by a query each (a query
 *    replays a dossier into the cache), K = the SDK's cache size or N if smaller.
 *
 * It runs on a dev server of its own whose SQLite file is on tmpfs (/dev/shm): the worker is what
 * is measured, and 2 × 10,000 synchronous commits to a disk shared with other work made the run's
 * length depend on that disk (a 10,000-dossier run stalled at ~2 dossiers/s behind a PostgreSQL
 * bulk load), not on the worker.
 *
 * Dossiers start as the API starts them: recorded submission in hand (`state`: RECEIVED at the
 * counter, with its deadline) and the calendar it was computed with, so that each workflow's
 * first task only arms its timers. Progress is read from the worker's own Prometheus metrics
 * (TEMPORAL_METRICS_ADDRESS): cached runs + evictions = runs activated.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createCalendar } from '../../domain/calendar';
import { submit } from '../../domain/lifecycle';
import { connectClient } from '../../temporal/connect';
import { freePort } from '../../temporal/dev-server';
import { buildWorkflowBundle, saveWorkflowBundle } from '../../worker/workflow-bundle';
import { dossierWorkflow } from '../../workflows/dossier.workflow';
import { stateQuery, type DossierWorkflowInput } from '../../workflows/messages';
import { getProcedure } from '../../procedures';
import { log, now, root, rssMiB, sleep, startTemporal } from '../lib';

export interface WorkerRun {
  maxCachedWorkflows: number;
  rssIdleMiB: number;
  rssOpenMiB: number;
  rssPeakMiB: number;
  /** Runs in the sticky cache at the end, and runs evicted to make room. */
  cached: number;
  evicted: number;
  /** (RSS after − idle) / runs cached at the end. */
  kibPerCachedDossier: number;
  seconds: number;
}

export interface FootprintResult {
  dossiers: number;
  bundleBuildMs: number;
  startWithBundle: { createMs: number; processToPollingMs: number };
  startBundlingAtStart: { createMs: number; processToPollingMs: number };
  startRatio: number;
  /** The capped worker (the default configuration). */
  rssIdleMiB: number;
  rssOpenMiB: number;
  rssPeakMiB: number;
  rssRatio: number;
  kibPerOpenDossier: number;
  /** Workflows running on the scenario's task queue at the end (each waiting on its timers). */
  timersPending: number;
  loadSeconds: number;
  startedPerSecond: number;
  capped: WorkerRun;
  /** The SDK's default cache size instead of ours; `woken` dossiers replayed into it by queries. */
  sdkDefault: WorkerRun & { woken: number };
  seconds: number;
}

const TASK_QUEUE = 'bench-footprint';

interface Spawned {
  child: ChildProcess;
  createMs: number;
  processToPollingMs: number;
  maxCachedWorkflows: number;
  metrics: string;
}

async function spawnWorker(env: Record<string, string>): Promise<Spawned> {
  const metrics = `127.0.0.1:${await freePort()}`;
  const t = now();
  const child = fork(`${root}bench/footprint-worker.ts`, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_TASK_QUEUE: TASK_QUEUE, TEMPORAL_LOG_LEVEL: 'ERROR', TEMPORAL_METRICS_ADDRESS: metrics, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const m = await new Promise<{ createMs: number; maxCachedWorkflows: number }>((resolve, reject) => {
    child.once('message', (x) => resolve(x as { createMs: number; maxCachedWorkflows: number }));
    child.once('exit', (c) => reject(new Error(`footprint worker exited with ${c}`)));
  });
  return { child, createMs: m.createMs, processToPollingMs: now() - t, maxCachedWorkflows: m.maxCachedWorkflows, metrics };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

/** Sticky cache size and forced evictions, from the worker's Prometheus exporter. */
async function cacheOf(w: Spawned): Promise<{ cached: number; evicted: number }> {
  const text = await (await fetch(`http://${w.metrics}/metrics`)).text();
  const sum = (name: string) =>
    text.split('\n').filter((l) => l.startsWith(`${name}{`) && l.includes(`task_queue="${TASK_QUEUE}"`)).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  return { cached: sum('temporal_sticky_cache_size'), evicted: sum('temporal_sticky_cache_total_forced_eviction') };
}

/**
 * Runs `drive` (which makes the worker activate `expected` runs), sampling RSS, until the worker
 * has activated them all; then lets it settle and measures.
 */
async function measure(w: Spawned, expected: number, label: string, drive: () => Promise<void>): Promise<WorkerRun> {
  const pid = w.child.pid!;
  const rssIdle = rssMiB(pid);
  let peak = rssIdle;
  const t0 = now();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 500);
  let activated = 0;
  const progress = setInterval(() => log(`footprint (${label}): ${activated} / ${expected} activated, RSS ${Math.round(rssMiB(pid))} MiB`), 10_000);
  try {
    const driving = drive();
    for (;;) {
      const c = await cacheOf(w);
      activated = c.cached + c.evicted;
      if (activated >= expected) break;
      await sleep(1000);
    }
    await driving;
    const seconds = (now() - t0) / 1000;
    await sleep(3000);
    const rssOpen = rssMiB(pid);
    peak = Math.max(peak, rssOpen);
    const c = await cacheOf(w);
    return {
      maxCachedWorkflows: w.maxCachedWorkflows,
      rssIdleMiB: Math.round(rssIdle),
      rssOpenMiB: Math.round(rssOpen),
      rssPeakMiB: Math.round(peak),
      ...c,
      kibPerCachedDossier: Math.round(((rssOpen - rssIdle) * 1024) / Math.max(c.cached, 1)),
      seconds: Math.round(seconds),
    };
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
  }
}

/** `fn(i)` for i in [0, n), `concurrency` at a time. */
async function pool(n: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await fn(next++);
  }));
}

/** `temporal` and `temporalAddress` (the run's dev server) are not used: see above. */
export async function footprintScenario(o: { temporal?: Client; databaseUrl: string; temporalAddress?: string; dossiers: number }): Promise<FootprintResult> {
  const dbFile = path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), `motcua-footprint-${process.pid}.db`);
  const server = await startTemporal(dbFile);
  const temporal = await connectClient(server.address);
  try {
    return await run(temporal, { databaseUrl: o.databaseUrl, temporalAddress: server.address, dossiers: o.dossiers });
  } finally {
    await temporal.connection.close();
    await server.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  }
}

async function run(temporal: Client, o: { databaseUrl: string; temporalAddress: string; dossiers: number }): Promise<FootprintResult> {
  const t0 = now();
  const env = { DATABASE_URL: o.databaseUrl, TEMPORAL_ADDRESS: o.temporalAddress };
  log('footprint: building the workflow bundle once (npm run build:workflows)');
  const tb = now();
  const built = await buildWorkflowBundle();
  const bundleBuildMs = now() - tb;
  if (built.consistent) saveWorkflowBundle(built);

  log('footprint: worker start, bundling at start (baseline)');
  const atStart = await spawnWorker({ ...env, BENCH_PREBUILT: '0' });
  await stop(atStart.child);
  log('footprint: worker start with the pre-built bundle and the default cache cap');
  const w = await spawnWorker({ ...env, BENCH_PREBUILT: '1' });
  await sleep(3000);

  // RECEIVED at the counter by the ward's desk officer, with a deadline: the state the API
  // records before starting the workflow, so its first task only arms the deadline timers.
  const procedure = getProcedure('1.001193')!;
  const desk = { id: 'u-laocai.desk', role: 'desk-officer' as const, agencyCode: '02647', name: 'Nguyễn Thị Lan' };
  const prefix = `02647-FP${Date.now().toString(36)}`;
  const codeOf = (i: number) => `${prefix}-${String(i).padStart(6, '0')}`;
  const inputOf = (i: number): DossierWorkflowInput => {
    const input = { code: codeOf(i), procedureCode: procedure.code, channel: 'counter' as const, agencyCode: '02647', applicantUserId: null, submittedBy: desk, calendarOverrides: [] };
    const { state } = submit({ ...input, procedure }, { procedure, calendar: createCalendar([]), now: Date.now() });
    return { ...input, state };
  };

  log(`footprint: starting ${o.dossiers} dossier workflows on ${TASK_QUEUE} (cache cap ${w.maxCachedWorkflows})`);
  let startSeconds = 0;
  const capped = await measure(w, o.dossiers, 'capped', async () => {
    const ts = now();
    await pool(o.dossiers, 32, (i) => temporal.workflow.start(dossierWorkflow, { workflowId: codeOf(i), taskQueue: TASK_QUEUE, args: [inputOf(i)] }));
    startSeconds = (now() - ts) / 1000;
  });
  await stop(w.child);
  const timersPending = await temporal.workflow
    .count(`TaskQueue = '${TASK_QUEUE}' AND ExecutionStatus = 'Running'`)
    .then((c) => c.count)
    .catch(() => -1);

  log('footprint: the same dossiers in a worker with the SDK default cache size (no cap of ours)');
  const u = await spawnWorker({ ...env, BENCH_PREBUILT: '1', BENCH_MAX_CACHED: 'sdk' });
  await sleep(3000);
  const woken = Math.min(o.dossiers, u.maxCachedWorkflows);
  const sdkDefault = await measure(u, woken, 'SDK default', () => pool(woken, 32, (i) => temporal.workflow.getHandle(codeOf(i)).query(stateQuery)));
  await stop(u.child);

  const result: FootprintResult = {
    dossiers: o.dossiers,
    bundleBuildMs: Math.round(bundleBuildMs),
    startWithBundle: { createMs: Math.round(w.createMs), processToPollingMs: Math.round(w.processToPollingMs) },
    startBundlingAtStart: { createMs: Math.round(atStart.createMs), processToPollingMs: Math.round(atStart.processToPollingMs) },
    startRatio: w.createMs / atStart.createMs,
    rssIdleMiB: capped.rssIdleMiB,
    rssOpenMiB: capped.rssOpenMiB,
    rssPeakMiB: capped.rssPeakMiB,
    rssRatio: capped.rssOpenMiB / capped.rssIdleMiB,
    kibPerOpenDossier: Math.round(((capped.rssOpenMiB - capped.rssIdleMiB) * 1024 * 10) / o.dossiers) / 10,
    timersPending,
    loadSeconds: capped.seconds,
    startedPerSecond: Math.round(o.dossiers / Math.max(startSeconds, 0.001)),
    capped,
    sdkDefault: { ...sdkDefault, woken },
    seconds: Math.round((now() - t0) / 1000),
  };
  const row = (r: WorkerRun) => `cache ${r.maxCachedWorkflows}: RSS idle ${r.rssIdleMiB} → ${r.rssOpenMiB} MiB (peak ${r.rssPeakMiB}), ${r.cached} cached + ${r.evicted} evicted, ${r.kibPerCachedDossier} KiB per cached dossier, ${r.seconds} s`;
  log(`footprint: ${o.dossiers} open dossiers; capped ${row(capped)}`);
  log(`footprint: SDK default ${row(sdkDefault)} (${woken} woken by a query); scenario ${result.seconds} s`);
  return result;
}
