/**
 * What one API process and one worker sustain on the cluster (docs/scaling.md): starts
 * `npm run cluster -- --api 1 --workers 1` on a fresh database, then measures, in turn,
 * submissions, the dossier page and full lifecycles, with the CPU each process (API, worker,
 * temporal-server, the PostgreSQL backends of the cluster's three databases) spent per operation,
 * read from /proc. CPU per operation holds on a shared machine where throughput does not.
 * `tsx bench/cluster-probe.ts [seconds per phase, default 20]`; writes bench/results/cluster-probe.json.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startCluster } from '../test/support/cluster';
import { lifecycleScenario } from './scenarios/lifecycle';
import { ADMIN_PG, api, APPLICANT, citizenTokens, closedLoop, cpuMs, loadAvg, log, root, type StackChild } from './lib';

const seconds = Number(process.argv[2] ?? 20);
const cluster = await startCluster(ADMIN_PG, ['--api', '1', '--workers', '1']);
const out = cluster.output();
const pidOf = (re: RegExp) => Number(re.exec(out)?.[1]);
const procs = { api: pidOf(/api 1 (\d+)/), worker: pidOf(/worker 1 (\d+)/), temporal: pidOf(/temporal-server .* pid (\d+)/) };
const dbName = new URL(cluster.databaseUrl).pathname.slice(1);
const pg = postgres(ADMIN_PG, { max: 1, onnotice: () => {} });
const pgPids = async () => (await pg<{ pid: number }[]>`select pid from pg_stat_activity where datname in (${dbName}, ${`${dbName}_temporal`}, ${`${dbName}_temporal_visibility`})`).map((r) => r.pid);

async function cpuSnapshot() {
  const pids = await pgPids();
  return { api: cpuMs(procs.api), worker: cpuMs(procs.worker), temporal: cpuMs(procs.temporal), postgres: pids.reduce((s, p) => s + cpuMs(p), 0) };
}
async function measured<T>(name: string, ops: (r: T) => number, run: () => Promise<T>) {
  const before = await cpuSnapshot();
  const load = loadAvg();
  const r = await run();
  const after = await cpuSnapshot();
  const n = ops(r);
  const perOp = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, Math.round(((v - before[k as keyof typeof before]) / Math.max(1, n)) * 10) / 10]));
  log(`${name}: ${n} ops; CPU ms per op ${JSON.stringify(perOp)}; load ${load.join(' ')}`);
  return { result: r, n, cpuMsPerOp: perOp, loadAvgBefore: load };
}

try {
  const base = `${cluster.baseUrl}/api`;
  const http = api(base);
  const citizens = await citizenTokens(400, cluster.databaseUrl);
  const desk = await http.login('laocai.desk');
  const { body: procedure } = await http.call<{ example: Record<string, unknown> }>('GET', '/procedures/1.001612');
  const codes: string[] = [];
  const submit = async (_c: number, i: number) => {
    const r = await http.call<{ code: string }>('POST', '/dossiers', {
      token: citizens[i % citizens.length],
      headers: { 'idempotency-key': `probe-${randomUUID()}` },
      body: { procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant: APPLICANT, form: procedure.example },
    });
    codes.push(r.body.code);
  };
  await closedLoop(4, 5, submit); // warm-up: JIT, sticky caches, connection pools
  const submissions = await measured('submissions (8 clients)', (r) => r.n, () => closedLoop(8, seconds, submit));
  const page = await measured('dossier page (8 clients)', (r) => r.n, () => closedLoop(8, seconds, async (_c, i) => void (await http.call('GET', `/dossiers/${codes[i % codes.length]}`, { token: desk }))));
  const lifecycles = await measured('full lifecycles (2 submitters, 6 officers)', (r) => r.completed, () =>
    lifecycleScenario({ stack: { base } as StackChild, submitters: 2, officers: 6, databaseUrl: cluster.databaseUrl, arrivalSeconds: seconds, drainSeconds: seconds * 2, webhookSecret: process.env.PAYMENT_WEBHOOK_SECRET ?? 'motcua-development-secret-change-me' }),
  );
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAvg: loadAvg(), note: 'shared by eight engineers at once' },
    shape: 'npm run cluster -- --api 1 --workers 1 (temporal-server 1.29.1, PostgreSQL, 4 shards)',
    submissions: { ...pick(submissions.result), cpuMsPerOp: submissions.cpuMsPerOp },
    dossierPage: { ...pick(page.result), cpuMsPerOp: page.cpuMsPerOp },
    lifecycles: { completed: lifecycles.result.completed, completedPerSecond: lifecycles.result.completedPerSecond, errors: lifecycles.result.errors, drained: lifecycles.result.drained, cpuMsPerOp: lifecycles.cpuMsPerOp },
  };
  writeFileSync(path.join(root, 'bench/results/cluster-probe.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await pg.end();
  await cluster.stop();
  await cluster.dropDatabases();
}

function pick(s: { n: number; errors: number; perSecond: number; p50: number; p95: number; firstErrors?: string[] }) {
  return { n: s.n, errors: s.errors, perSecond: s.perSecond, p50: s.p50, p95: s.p95, firstErrors: s.firstErrors };
}
