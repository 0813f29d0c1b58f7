/**
 * `npm run bench [-- --quick] [--only submission,lifecycle,lists,footprint,finder] [--no-wait]`
 *
 * Starts its own Temporal dev server (SQLite file in a temp dir) and a fresh PostgreSQL database
 * (`motcua_bench`, dropped and recreated; admin URL from BENCH_DATABASE_URL / TEST_DATABASE_URL,
 * default postgres://postgres:postgres@127.0.0.1:5432/postgres), runs the stack in a child
 * process, and measures five scenarios, each against a baseline taken in the same run. Prints a
 * table and writes bench/results/<date>.json. Exits 1 when a scenario fails (a Seq Scan on
 * dossiers in a list's plan, or errors).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../config/env';
import { connectClient, installRuntime } from '../temporal/connect';
import { dropDatabase, erroredStats, fmt, loadAvg, log, machine, now, recreateDatabase, root, spawnStack, startTemporal, table, waitForQuiet } from './lib';
import { finderScenario, type FinderResult } from './scenarios/finder';
import { footprintScenario, type FootprintResult } from './scenarios/footprint';
import { lifecycleScenario, type LifecycleResult } from './scenarios/lifecycle';
import { listsScenario, type ListsResult } from './scenarios/lists';
import { submissionScenario, type SubmissionResult } from './scenarios/submission';

installRuntime();
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(',') : ['submission', 'lifecycle', 'lists', 'footprint', 'finder'];
const numArg = (name: string, dflt: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
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

const t0 = now();
const load0 = args.includes('--no-wait') ? loadAvg() : await waitForQuiet(numArg('max-load', 1.5), quick ? 30_000 : 180_000);
log(`bench ${quick ? '--quick ' : ''}starting; load average ${load0.join(' ')}; ${JSON.stringify(cfg)}`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const dbName = process.env.BENCH_DATABASE ?? 'motcua_bench';
const databaseUrl = await recreateDatabase(dbName);
const temporalServer = await startTemporal(path.join(dir, 'temporal.db'));
const temporalAddress = temporalServer.address;
const stack = await spawnStack({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, MOTCUA_DATA_DIR: dir }, { worker: true, noopWorker: true });
const temporal = await connectClient(temporalAddress);
const env = loadEnv({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress });

const results: {
  date: string;
  quick: boolean;
  machine: ReturnType<typeof machine>;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  config: typeof cfg;
  submission?: SubmissionResult;
  lifecycle?: LifecycleResult;
  lists?: ListsResult;
  footprint?: FootprintResult;
  finder?: FinderResult;
  failures: string[];
  totalSeconds?: number;
} = { date: new Date().toISOString(), quick, machine: machine(), loadAverageAtStart: load0, config: cfg, failures: [] };

try {
  if (only.includes('submission')) {
    results.submission = await submissionScenario({ stack, temporal, databaseUrl, clients: cfg.clients, seconds: cfg.seconds, rounds: cfg.rounds });
  }
  if (only.includes('lifecycle')) {
    results.lifecycle = await lifecycleScenario({ stack, submitters: 4, officers: 8, databaseUrl, arrivalSeconds: cfg.lifecycleArrival, drainSeconds: quick ? 60 : 180, webhookSecret: env.PAYMENT_WEBHOOK_SECRET });
    if (!results.lifecycle.drained) results.failures.push('lifecycle: not drained');
  }
  if (only.includes('lists')) {
    results.lists = await listsScenario({ stack, temporal, env, databaseUrl, dossiers: cfg.listDossiers, clients: cfg.clients, seconds: cfg.listSeconds });
    for (const q of results.lists.queries) if (q.seqScan) results.failures.push(`lists: Seq Scan on dossiers in "${q.name}"`);
  }
  if (only.includes('footprint')) {
    results.footprint = await footprintScenario({ temporal, databaseUrl, temporalAddress, dossiers: cfg.footprintDossiers });
  }
  if (only.includes('finder')) {
    results.finder = await finderScenario({ stack, databaseUrl, clients: 4, seconds: cfg.finderSeconds });
  }
  // Any measured operation that failed fails the run, whatever the scenario, with its first errors:
  // a row of 0 ops and 13,640 errors once passed unnoticed (the finder's API row).
  for (const { path: where, errors, firstErrors } of erroredStats(results)) {
    const failure = `${where}: ${errors} errors${firstErrors.length ? ` (first: ${firstErrors[0]})` : ''}`;
    results.failures.push(failure);
    log(`ERRORS in ${failure}`);
  }
} finally {
  await temporal.connection.close();
  await stack.stop();
  await temporalServer.stop();
  if (!args.includes('--keep-db')) await dropDatabase(dbName);
  rmSync(dir, { recursive: true, force: true });
}
results.loadAverageAtEnd = loadAvg();
results.totalSeconds = Math.round((now() - t0) / 1000);

// ---------------------------------------------------------------------------------------------
const out: string[] = [];
const m = results.machine;
out.push(`motcua bench ${quick ? '(quick) ' : ''}— ${results.date.slice(0, 16)}Z — ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}`);
out.push(`load average at start ${results.loadAverageAtStart.join(' / ')}, at end ${results.loadAverageAtEnd.join(' / ')}; ${results.totalSeconds} s in all`);
const rows: (string | number)[][] = [];
const s = results.submission;
if (s) {
  rows.push(['1 submit: POST /api/dossiers', fmt(s.api.perSecond), fmt(s.api.p50), fmt(s.api.p95), fmt(s.api.p99), s.api.errors, `${fmt(s.ratioToNoopStart, 2)} × (a)`]);
  rows.push(['  (a) workflow.start(noop)', fmt(s.noopStart.perSecond), fmt(s.noopStart.p50), fmt(s.noopStart.p95), fmt(s.noopStart.p99), s.noopStart.errors, 'baseline']);
  rows.push(['  (b) INSERT dossier row', fmt(s.insert.perSecond), fmt(s.insert.p50), fmt(s.insert.p95), fmt(s.insert.p99), s.insert.errors, `${fmt(s.ratioToInsert, 3)} × (b)`]);
}
const l = results.lifecycle;
if (l) {
  rows.push([`2 lifecycle: completed dossiers`, fmt(l.completedPerSecond, 2), '', '', '', l.errors, s ? `${fmt(l.completedPerSecond / s.api.perSecond, 2)} × submit/s` : '']);
  for (const [k, v] of Object.entries(l.actions)) rows.push([`  ${k}`, fmt(v.perSecond), fmt(v.p50), fmt(v.p95), fmt(v.p99), v.errors, s ? `p50 ${fmt(v.p50 / s.noopStart.p50, 1)} × (a)` : '']);
}
const li = results.lists;
if (li) {
  for (const q of li.queries) {
    rows.push([`3 ${q.name}${q.seqScan ? ' SEQ SCAN' : ''}`, fmt(q.stats.perSecond), fmt(q.stats.p50), fmt(q.stats.p95), fmt(q.stats.p99), q.stats.errors, `p50 ${fmt(q.stats.p50 / li.baselinePkLookup.p50, 0)} × pk`]);
  }
  rows.push(['  baseline: pk lookup in SQL', fmt(li.baselinePkLookup.perSecond), fmt(li.baselinePkLookup.p50), fmt(li.baselinePkLookup.p95), fmt(li.baselinePkLookup.p99), li.baselinePkLookup.errors, 'baseline']);
}
const fi = results.finder;
if (fi) {
  for (const r of fi.runs) {
    rows.push([`5 finder on ${r.database} (${r.clients} client${r.clients > 1 ? 's' : ''})`, fmt(r.search.perSecond), fmt(r.search.p50), fmt(r.search.p95), fmt(r.search.p99), r.search.errors, `p95 ${fmt(r.ratioP95, 1)} × pk`]);
    rows.push([`  baseline: pk lookup on ${r.database}`, fmt(r.pkLookup.perSecond), fmt(r.pkLookup.p50), fmt(r.pkLookup.p95), fmt(r.pkLookup.p99), r.pkLookup.errors, 'baseline']);
  }
  if (fi.api) rows.push(['  GET /api/procedures?q= (page of 10)', fmt(fi.api.perSecond), fmt(fi.api.p50), fmt(fi.api.p95), fmt(fi.api.p99), fi.api.errors, '']);
}
out.push('');
out.push(table(['scenario', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio'], rows));
if (l) {
  out.push('');
  out.push(`lifecycle: ${l.submitted} submitted in ${l.arrivalSeconds} s by ${l.submitters} citizens, ${l.completed} delivered by ${l.officers} officers in ${l.seconds} s; ${l.retries409} approve retries (payment not yet applied)`);
  const step = Math.max(1, Math.floor(l.backlog.length / 12));
  out.push(`backlog (open dossiers) over time: ${l.backlog.filter((_, i) => i % step === 0 || i === l.backlog.length - 1).map((b) => `${b.t}s:${b.open}`).join('  ')}`);
}
if (li) {
  out.push('');
  out.push(`lists: ${li.dossiers.toLocaleString('en')} dossiers, ${li.events.toLocaleString('en')} events (dossiers ${li.tableMiB} MiB with indexes), loaded in ${li.loadSeconds} s, vacuum analyze ${li.analyzeSeconds} s`);
  const show = (qs: ListsResult['queries'], title: string) => {
    out.push(`--- EXPLAIN (ANALYZE, BUFFERS) ${title}`);
    for (const q of qs) {
      out.push(`# ${q.name} — ${q.request}`);
      for (const p of q.plans) {
        // Long IN lists (a supervisor's 113 agencies) are shortened here; the JSON file has them whole.
        out.push(`  SQL: ${p.sql.replace(/\((\$\d+)(, \$\d+){3,}, (\$\d+)\)/g, '($1, …, $3)').replace(/^select ("\w+", ){5,}"\w+" from/, 'select * from')}`);
        out.push(`  params: ${JSON.stringify(p.params.length > 8 ? [...p.params.slice(0, 4), `… ${p.params.length} in all`] : p.params)}`);
        const plan = p.plan.replace(/'\{([^}']{120,})\}'/g, (_m, list: string) => {
          const items = list.split(',');
          return `'{${items.slice(0, 3).join(',')},… ${items.length} in all}'`;
        });
        out.push(plan.split('\n').map((x) => `    ${x}`).join('\n'));
      }
    }
  };
  show(li.queries, 'as committed');
}
const f = results.footprint;
if (f) {
  out.push('');
  out.push(`footprint: bundle built once in ${f.bundleBuildMs} ms; Worker.create ${f.startWithBundle.createMs} ms with the bundle vs ${f.startBundlingAtStart.createMs} ms bundling at start (${fmt(f.startRatio, 3)} ×); process start → polling ${f.startWithBundle.processToPollingMs} vs ${f.startBundlingAtStart.processToPollingMs} ms`);
  out.push(`footprint: worker RSS idle ${f.rssIdleMiB} MiB (baseline), with ${f.dossiers.toLocaleString('en')} open dossiers on timers ${f.rssOpenMiB} MiB (${fmt(f.rssRatio, 2)} ×, ${f.kibPerOpenDossier} KiB per dossier; peak ${f.rssPeakMiB} MiB); ${f.timersPending} waiting on deadline timers; started ${f.startedPerSecond}/s, all recorded in ${f.loadSeconds} s`);
}
if (fi) {
  out.push('');
  out.push(`finder: ${fi.runs[0]?.procedures ?? 0} procedures; target p95 ≤ ${fi.targetP95Ms} ms: ${fi.runs.map((r) => `${r.database} ${fmt(r.search.p95)} ms ${r.search.p95 <= fi.targetP95Ms ? 'met' : 'NOT met'}`).join(', ')}`);
  for (const r of fi.runs) out.push(`--- EXPLAIN (ANALYZE, BUFFERS) a search on ${r.database}\n${r.plan.split('\n').map((x) => `    ${x}`).join('\n')}`);
}
out.push('');
out.push(results.failures.length ? `FAIL: ${results.failures.join('; ')}` : 'PASS');
console.log(out.join('\n'));

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results', `${results.date.slice(0, 19).replace(/:/g, '-')}${quick ? '-quick' : ''}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
log(`written ${path.relative(root, file)}`);
process.exit(results.failures.length ? 1 : 0);
