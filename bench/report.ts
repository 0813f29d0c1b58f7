/** The bench's printed report: one table per stack, the plans, and the two stacks side by side. */
import { fmt, machine, table } from './lib';
import type { FinderResult } from './scenarios/finder';
import type { FootprintResult } from './scenarios/footprint';
import type { LifecycleResult } from './scenarios/lifecycle';
import type { LifecycleBaselineResult } from './scenarios/lifecycle-baseline';
import type { ListsResult } from './scenarios/lists';
import type { SubmissionResult } from './scenarios/submission';

/** What one stack measured. */
export interface Section {
  shape?: string;
  submission?: SubmissionResult;
  lifecycle?: LifecycleResult;
  lifecycleBaseline?: LifecycleBaselineResult;
  lists?: ListsResult;
  footprint?: FootprintResult;
  finder?: FinderResult;
}

/** The dev stack's figures at the top level (as files before `--cluster` had them), the cluster's beside them. */
export interface BenchResults extends Section {
  date: string;
  quick: boolean;
  machine: ReturnType<typeof machine>;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  config: Record<string, unknown>;
  cluster?: Section;
  failures: string[];
  totalSeconds?: number;
}

function rowsOf(r: Section): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const s = r.submission;
  if (s) {
    rows.push(['1 submit: POST /api/dossiers', fmt(s.api.perSecond), fmt(s.api.p50), fmt(s.api.p95), fmt(s.api.p99), s.api.errors, `${fmt(s.ratioToNoopStart, 2)} × (a)`]);
    rows.push(['  (a) workflow.start(noop)', fmt(s.noopStart.perSecond), fmt(s.noopStart.p50), fmt(s.noopStart.p95), fmt(s.noopStart.p99), s.noopStart.errors, 'baseline']);
    rows.push(['  (b) INSERT dossier row', fmt(s.insert.perSecond), fmt(s.insert.p50), fmt(s.insert.p95), fmt(s.insert.p99), s.insert.errors, `${fmt(s.ratioToInsert, 3)} × (b)`]);
  }
  const l = r.lifecycle;
  if (l) {
    rows.push([`2 lifecycle: completed dossiers`, fmt(l.completedPerSecond, 2), '', '', '', l.errors, s ? `${fmt(l.completedPerSecond / s.api.perSecond, 2)} × submit/s` : '']);
    const b = r.lifecycleBaseline;
    if (l.completedPerCoreSecond !== undefined) {
      rows.push(['  per core-second of the stack', fmt(l.completedPerCoreSecond, 2), '', '', '', '', b ? `${fmt(l.completedPerCoreSecond / b.completedPerCoreSecond, 2)} × (c)` : '']);
    }
    if (b) {
      rows.push(['  (c) no-op lifecycle: start, 5 updates, 1 signal', fmt(b.lifecycle.perSecond, 2), fmt(b.lifecycle.p50), fmt(b.lifecycle.p95), fmt(b.lifecycle.p99), b.lifecycle.errors, `${fmt(l.completedPerSecond / b.lifecycle.perSecond, 2)} × (c)`]);
      rows.push(['  (c) per core-second of the stack', fmt(b.completedPerCoreSecond, 2), '', '', '', '', 'baseline']);
    }
    for (const [k, v] of Object.entries(l.actions)) rows.push([`  ${k}`, fmt(v.perSecond), fmt(v.p50), fmt(v.p95), fmt(v.p99), v.errors, s ? `p50 ${fmt(v.p50 / s.noopStart.p50, 1)} × (a)` : '']);
  }
  const li = r.lists;
  if (li) {
    for (const q of li.queries) {
      rows.push([`3 ${q.name}${q.seqScan ? ' SEQ SCAN' : ''}`, fmt(q.stats.perSecond), fmt(q.stats.p50), fmt(q.stats.p95), fmt(q.stats.p99), q.stats.errors, `p50 ${fmt(q.stats.p50 / li.baselinePkLookup.p50, 0)} × pk`]);
    }
    rows.push(['  baseline: pk lookup in SQL', fmt(li.baselinePkLookup.perSecond), fmt(li.baselinePkLookup.p50), fmt(li.baselinePkLookup.p95), fmt(li.baselinePkLookup.p99), li.baselinePkLookup.errors, 'baseline']);
  }
  const fi = r.finder;
  if (fi) {
    for (const x of fi.runs) {
      rows.push([`5 finder on ${x.database} (${x.clients} client${x.clients > 1 ? 's' : ''})`, fmt(x.search.perSecond), fmt(x.search.p50), fmt(x.search.p95), fmt(x.search.p99), x.search.errors, `p95 ${fmt(x.ratioP95, 1)} × pk`]);
      rows.push([`  baseline: pk lookup on ${x.database}`, fmt(x.pkLookup.perSecond), fmt(x.pkLookup.p50), fmt(x.pkLookup.p95), fmt(x.pkLookup.p99), x.pkLookup.errors, 'baseline']);
    }
    if (fi.api) rows.push(['  GET /api/procedures?q= (page of 10)', fmt(fi.api.perSecond), fmt(fi.api.p50), fmt(fi.api.p95), fmt(fi.api.p99), fi.api.errors, '']);
  }
  return rows;
}

function detailsOf(r: Section, out: string[]) {
  const l = r.lifecycle;
  if (l) {
    out.push('');
    out.push(`lifecycle: ${l.submitted} submitted in ${l.arrivalSeconds} s by ${l.submitters} citizens, ${l.completed} delivered by ${l.officers} officers in ${l.seconds} s; ${l.retries409} assignment retries (payment not yet applied)`);
    const b = r.lifecycleBaseline;
    if (l.cpuMs !== undefined) {
      out.push(`lifecycle CPU of the stack (its processes and PostgreSQL backends, not the bench's clients): ${fmt(l.cpuMs / Math.max(1, l.completed))} ms per delivered dossier${b ? `; bare Temporal (c) ${fmt(b.cpuMs / Math.max(1, b.lifecycle.n))} ms per no-op lifecycle (${b.lifecycle.n} by ${b.clients} clients)` : ''}`);
    }
    const step = Math.max(1, Math.floor(l.backlog.length / 12));
    out.push(`backlog (open dossiers) over time: ${l.backlog.filter((_, i) => i % step === 0 || i === l.backlog.length - 1).map((b) => `${b.t}s:${b.open}`).join('  ')}`);
  }
  const li = r.lists;
  if (li) {
    out.push('');
    out.push(`lists: ${li.dossiers.toLocaleString('en')} dossiers, ${li.events.toLocaleString('en')} events (dossiers ${li.tableMiB} MiB with indexes), loaded in ${li.loadSeconds} s, vacuum analyze ${li.analyzeSeconds} s`);
    out.push(`--- EXPLAIN (ANALYZE, BUFFERS) as committed`);
    for (const q of li.queries) {
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
  }
  const f = r.footprint;
  if (f) {
    out.push('');
    out.push(`footprint: bundle built once in ${f.bundleBuildMs} ms; Worker.create ${f.startWithBundle.createMs} ms with the bundle vs ${f.startBundlingAtStart.createMs} ms bundling at start (${fmt(f.startRatio, 3)} ×); process start → polling ${f.startWithBundle.processToPollingMs} vs ${f.startBundlingAtStart.processToPollingMs} ms`);
    out.push(`footprint: worker RSS idle ${f.rssIdleMiB} MiB (baseline), with ${f.dossiers.toLocaleString('en')} open dossiers on timers ${f.rssOpenMiB} MiB (${fmt(f.rssRatio, 2)} ×, ${f.kibPerOpenDossier} KiB per dossier; peak ${f.rssPeakMiB} MiB); ${f.timersPending} waiting on deadline timers; started ${f.startedPerSecond}/s, all recorded in ${f.loadSeconds} s`);
  }
  const fi = r.finder;
  if (fi) {
    out.push('');
    out.push(`finder: ${fi.runs[0]?.procedures ?? 0} procedures; target p95 ≤ ${fi.targetP95Ms} ms: ${fi.runs.map((x) => `${x.database} ${fmt(x.search.p95)} ms ${x.search.p95 <= fi.targetP95Ms ? 'met' : 'NOT met'}`).join(', ')}`);
    for (const x of fi.runs) out.push(`--- EXPLAIN (ANALYZE, BUFFERS) a search on ${x.database}\n${x.plan.split('\n').map((y) => `    ${y}`).join('\n')}`);
  }
}

/** The figures the two stacks share, each as its ratio to the baseline of its own server. */
function sideBySide(dev: Section, cluster: Section): string {
  const rows: (string | number)[][] = [];
  const pair = (name: string, pick: (s: Section) => number | undefined, digits = 1) => rows.push([name, fmt(pick(dev), digits), fmt(pick(cluster), digits)]);
  pair('submissions ÷ bare workflow.start (×)', (s) => s.submission?.ratioToNoopStart, 2);
  pair('submissions per second', (s) => s.submission?.api.perSecond);
  pair('bare workflow.start per second', (s) => s.submission?.noopStart.perSecond);
  pair('submission p95 ms', (s) => s.submission?.api.p95);
  pair('full lifecycles per second', (s) => s.lifecycle?.completedPerSecond, 2);
  pair('full lifecycles per core-second', (s) => s.lifecycle?.completedPerCoreSecond, 2);
  pair('bare no-op lifecycles per core-second', (s) => s.lifecycleBaseline?.completedPerCoreSecond, 2);
  for (const q of dev.lists?.queries ?? []) pair(`${q.name} p95 ms`, (s) => s.lists?.queries.find((x) => x.name === q.name)?.stats.p95);
  return table(['from the same run', 'dev server', 'cluster'], rows);
}

export function render(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(`motcua bench ${results.quick ? '(quick) ' : ''}— ${results.date.slice(0, 16)}Z — ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}`);
  out.push(`load average at start ${results.loadAverageAtStart.join(' / ')}, at end ${(results.loadAverageAtEnd ?? []).join(' / ')}; ${results.totalSeconds} s in all`);
  const header = ['scenario', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio'];
  out.push('', `dev server: ${results.shape ?? ''}`, table(header, rowsOf(results)));
  detailsOf(results, out);
  if (results.cluster) {
    out.push('', `cluster: ${results.cluster.shape ?? ''}`, table(header, rowsOf(results.cluster)));
    detailsOf(results.cluster, out);
    out.push('', sideBySide(results, results.cluster));
  }
  out.push('');
  out.push(results.failures.length ? `FAIL: ${results.failures.join('; ')}` : 'PASS');
  return out.join('\n');
}
