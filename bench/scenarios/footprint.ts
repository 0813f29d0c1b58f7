/**
 * Scenario 4 — worker footprint: a dossier worker in its own process (bench/footprint-worker.ts)
 * on its own task queue. Start time with a pre-built bundle (bundleWorkflowCode once here, then
 * Worker.create({ workflowBundle })) against bundling at start (the baseline); RSS idle (the
 * baseline) and with N open dossiers received at the counter, each waiting on its deadline timers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import postgres from 'postgres';
import { dossierWorkflow } from '../../workflows/dossier.workflow';
import type { DossierWorkflowInput } from '../../workflows/messages';
import { workflowsPath } from '../../worker/worker';
import { APPLICANT, log, now, root, rssMiB, sleep } from '../lib';

export interface FootprintResult {
  dossiers: number;
  bundleBuildMs: number;
  startWithBundle: { createMs: number; processToPollingMs: number };
  startBundlingAtStart: { createMs: number; processToPollingMs: number };
  startRatio: number;
  rssIdleMiB: number;
  rssOpenMiB: number;
  rssPeakMiB: number;
  rssRatio: number;
  kibPerOpenDossier: number;
  timersPending: number;
  loadSeconds: number;
  startedPerSecond: number;
}

const TASK_QUEUE = 'bench-footprint';

async function spawnWorker(env: Record<string, string>): Promise<{ child: ChildProcess; createMs: number; processToPollingMs: number }> {
  const t = now();
  const child = fork(path.join(root, 'bench/footprint-worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_TASK_QUEUE: TASK_QUEUE, TEMPORAL_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const m = await new Promise<{ createMs: number }>((resolve, reject) => {
    child.once('message', (x) => resolve(x as { createMs: number }));
    child.once('exit', (c) => reject(new Error(`footprint worker exited with ${c}`)));
  });
  return { child, createMs: m.createMs, processToPollingMs: now() - t };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

export async function footprintScenario(o: { temporal: Client; databaseUrl: string; temporalAddress: string; dossiers: number }): Promise<FootprintResult> {
  const env = { DATABASE_URL: o.databaseUrl, TEMPORAL_ADDRESS: o.temporalAddress };
  log('footprint: bundling the dossier workflows once');
  const tb = now();
  const bundle = await bundleWorkflowCode({ workflowsPath, ignoreModules: [], logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } });
  const bundleBuildMs = now() - tb;
  const bundleFile = path.join(os.tmpdir(), `motcua-bench-bundle-${process.pid}.js`);
  writeFileSync(bundleFile, bundle.code);

  log('footprint: worker start, bundling at start (baseline)');
  const atStart = await spawnWorker(env);
  await stop(atStart.child);
  log('footprint: worker start with the pre-built bundle');
  const w = await spawnWorker({ ...env, BENCH_BUNDLE: bundleFile });
  await sleep(3000);
  const rssIdle = rssMiB(w.child.pid!);

  // N submissions received at the counter by the ward's desk officer: RECEIVED at once, with a
  // deadline, so every workflow then sleeps on its reminder/escalation timers.
  const sql = postgres(o.databaseUrl, { max: 4, onnotice: () => {} });
  const desk = { id: 'u-laocai.desk', role: 'desk-officer' as const, agencyCode: '02647', name: 'Nguyễn Thị Lan' };
  const form = { fullName: 'Bench', note: 'footprint' };
  const prefix = `02647-FP${Date.now().toString(36)}`;
  await sql.unsafe(
    `insert into submissions (dossier_code, request_hash, procedure_code, agency_code, channel, applicant, form, submitted_by)
     select $1 || '-' || lpad(i::text, 6, '0'), md5(i::text), '1.001193', '02647', 'counter', $2::jsonb, $3::jsonb, $4::jsonb
     from generate_series(1, $5::int) i`,
    [prefix, APPLICANT, form, desk, o.dossiers] as never[],
  );
  log(`footprint: starting ${o.dossiers} dossier workflows on ${TASK_QUEUE}`);
  const tl = now();
  let next = 1;
  let peak = rssIdle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(w.child.pid!))), 500);
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next <= o.dossiers) {
        const code = `${prefix}-${String(next++).padStart(6, '0')}`;
        const input: DossierWorkflowInput = { code, procedureCode: '1.001193', channel: 'counter', agencyCode: '02647', applicantUserId: null, submittedBy: desk };
        await o.temporal.workflow.start(dossierWorkflow, { workflowId: code, taskQueue: TASK_QUEUE, args: [input] });
      }
    }),
  );
  const startedPerSecond = o.dossiers / ((now() - tl) / 1000);
  // Every workflow has recorded its submission (and reached its timer wait) when the projection has it.
  let recorded = 0;
  for (let i = 0; ; i++) {
    const [r] = (await sql`select count(*)::int as n from dossiers where code like ${prefix + '%'}`) as unknown as [{ n: number }];
    recorded = r.n;
    if (recorded >= o.dossiers) break;
    if (i % 20 === 0) log(`footprint: ${recorded} / ${o.dossiers} recorded`);
    await sleep(500);
  }
  const loadSeconds = (now() - tl) / 1000;
  const [{ n: timersPending }] = (await sql`select count(*)::int as n from dossiers where code like ${prefix + '%'} and status = 'RECEIVED' and due_at > now()`) as unknown as [{ n: number }];
  await sleep(5000);
  clearInterval(sampler);
  const rssOpen = rssMiB(w.child.pid!);
  peak = Math.max(peak, rssOpen);
  await stop(w.child);
  await sql.end();
  return {
    dossiers: o.dossiers,
    bundleBuildMs: Math.round(bundleBuildMs),
    startWithBundle: { createMs: Math.round(w.createMs), processToPollingMs: Math.round(w.processToPollingMs) },
    startBundlingAtStart: { createMs: Math.round(atStart.createMs), processToPollingMs: Math.round(atStart.processToPollingMs) },
    startRatio: w.createMs / atStart.createMs,
    rssIdleMiB: Math.round(rssIdle),
    rssOpenMiB: Math.round(rssOpen),
    rssPeakMiB: Math.round(peak),
    rssRatio: rssOpen / rssIdle,
    kibPerOpenDossier: Math.round(((rssOpen - rssIdle) * 1024) / o.dossiers * 10) / 10,
    timersPending,
    loadSeconds: Math.round(loadSeconds),
    startedPerSecond: Math.round(startedPerSecond),
  };
}
