/**
 * `npm run bench [-- --quick] [--only submission,lifecycle,lists,footprint,finder] [--no-wait]
 *  [--cluster [--cluster-api N] [--cluster-workers M]]`
 *
 * Starts its own Temporal dev server (SQLite file in a temp dir) and a fresh PostgreSQL database
 * (`motcua_bench`, dropped and recreated; admin URL from BENCH_DATABASE_URL / TEST_DATABASE_URL,
 * default postgres://postgres:postgres@127.0.0.1:5432/postgres), runs the stack in a child
 * process, and measures five scenarios, each against a baseline taken in the same run. With
 * `--cluster` it then starts `npm run cluster` (2 API and 2 worker processes by default) on a fresh
 * database and measures submission, lifecycle and lists there too, against the same baselines
 * taken on the cluster's own Temporal, so both stacks' figures come from one run. Prints a table
 * and writes bench/results/<date>.json. Exits 1 when a scenario fails (a Seq Scan on dossiers in a
 * list's plan, or errors).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../config/env';
import { installRuntime } from '../temporal/connect';
import { dropDatabase, erroredStats, loadAvg, log, machine, now, root, waitForQuiet } from './lib';
import { render, type BenchResults, type Section } from './report';
import { finderScenario } from './scenarios/finder';
import { footprintScenario } from './scenarios/footprint';
import { cpuMeter } from './cpu-meter';
import { lifecycleScenario } from './scenarios/lifecycle';
import { lifecycleBaseline } from './scenarios/lifecycle-baseline';
import { listsScenario } from './scenarios/lists';
import { submissionScenario } from './scenarios/submission';
import { clusterTarget, devTarget, type Target } from './targets';

installRuntime();
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(',') : ['submission', 'lifecycle', 'lists', 'footprint', 'finder'];
const numArg = (name: string, dflt: number) => {
  const eq = args.find((x) => x.startsWith(`--${name}=`));
  if (eq) return Number(eq.split('=')[1]);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && /^\d+$/.test(args[at + 1] ?? '') ? Number(args[at + 1]) : dflt;
};
const cfg = {
  clients: numArg('clients', 20),
  seconds: numArg('seconds', quick ? 6 : 15),
  rounds: numArg('rounds', quick ? 2 : 3),
  lifecycleArrival: numArg('arrival', quick ? 8 : 15),
  listDossiers: numArg('dossiers', quick ? 100_000 : 1_000_000),
  listSeconds: numArg('list-seconds', quick ? 4 : 10),
  footprintDossiers: numArg('open', quick ? 1_000 : 10_000),
  finderSeconds: numArg('finder-seconds', quick ? 4 : 10),
};
const cluster = args.includes('--cluster') ? { apis: numArg('cluster-api', 2), workers: numArg('cluster-workers', 2) } : null;

const t0 = now();
const load0 = args.includes('--no-wait') ? loadAvg() : await waitForQuiet(numArg('max-load', 1.5), quick ? 30_000 : 180_000);
log(`bench ${quick ? '--quick ' : ''}starting; load average ${load0.join(' ')}; ${JSON.stringify({ ...cfg, cluster })}`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const dbName = process.env.BENCH_DATABASE ?? 'motcua_bench';
const results: BenchResults = { date: new Date().toISOString(), quick, machine: machine(), loadAverageAtStart: load0, config: { ...cfg, cluster }, failures: [] };

/** The scenarios both stacks run; the footprint and the finder measure one process and run on the dev stack only. */
async function measure(t: Target, into: Section, devOnly: boolean) {
  log(`--- ${t.label}: ${t.shape}`);
  into.shape = t.shape;
  const env = loadEnv({ ...process.env, DATABASE_URL: t.databaseUrl, TEMPORAL_ADDRESS: t.temporalAddress });
  const failures = (f: string) => results.failures.push(t.label === 'dev' ? f : `cluster ${f}`);
  if (only.includes('submission')) {
    into.submission = await submissionScenario({ stack: t.stack, temporal: t.temporal, databaseUrl: t.databaseUrl, clients: cfg.clients, seconds: cfg.seconds, rounds: cfg.rounds });
  }
  if (only.includes('lifecycle')) {
    const meter = () => cpuMeter(t.processRoots, t.databases);
    into.lifecycle = await lifecycleScenario({ stack: t.stack, submitters: 4, officers: 8, databaseUrl: t.databaseUrl, arrivalSeconds: cfg.lifecycleArrival, drainSeconds: quick ? 60 : 180, webhookSecret: env.PAYMENT_WEBHOOK_SECRET, meter });
    if (!into.lifecycle.drained) failures('lifecycle: not drained');
    // The same 12 actors (4 citizens, 8 officers) send the same messages to no-op workflows.
    into.lifecycleBaseline = await lifecycleBaseline({ temporal: t.temporal, clients: 12, seconds: cfg.lifecycleArrival, meter });
  }
  if (only.includes('lists')) {
    into.lists = await listsScenario({ stack: t.stack, temporal: t.temporal, env, databaseUrl: t.databaseUrl, dossiers: cfg.listDossiers, clients: cfg.clients, seconds: cfg.listSeconds });
    for (const q of into.lists.queries) if (q.seqScan) failures(`lists: Seq Scan on dossiers in "${q.name}"`);
  }
  if (devOnly && only.includes('footprint')) {
    into.footprint = await footprintScenario({ temporal: t.temporal, databaseUrl: t.databaseUrl, temporalAddress: t.temporalAddress, dossiers: cfg.footprintDossiers });
  }
  if (devOnly && only.includes('finder')) {
    into.finder = await finderScenario({ stack: t.stack, databaseUrl: t.databaseUrl, clients: 4, seconds: cfg.finderSeconds });
  }
}

try {
  const dev = await devTarget(dir, dbName);
  try {
    await measure(dev, results, true);
  } finally {
    await dev.stop();
    if (!args.includes('--keep-db')) await dropDatabase(dbName);
  }
  if (cluster) {
    // One stack at a time: the cluster starts once the dev stack is down, on the same machine.
    const c = await clusterTarget(cluster.apis, cluster.workers);
    results.cluster = {};
    try {
      await measure(c, results.cluster, false);
    } finally {
      await c.stop();
    }
  }
} catch (err) {
  results.failures.push(`run: ${(err as Error).message}`);
  log(`FAILED: ${(err as Error).stack ?? err}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// Any measured operation that failed fails the run, whatever the scenario, with its first errors:
// a row of 0 ops and 13,640 errors once passed unnoticed (the finder's API row).
for (const { path: where, errors, firstErrors } of erroredStats(results)) {
  const failure = `${where}: ${errors} errors${firstErrors.length ? ` (first: ${firstErrors[0]})` : ''}`;
  results.failures.push(failure);
  log(`ERRORS in ${failure}`);
}
results.loadAverageAtEnd = loadAvg();
results.totalSeconds = Math.round((now() - t0) / 1000);
console.log(render(results));

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results', `${results.date.slice(0, 19).replace(/:/g, '-')}${quick ? '-quick' : ''}${cluster ? '-cluster' : ''}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
log(`written ${path.relative(root, file)}`);
process.exit(results.failures.length ? 1 : 0);
