/**
 * `npm run bench:cpu [-- --requests=1500]`: the CPU one request of each hot route costs the
 * API process (`npm start`'s shape: API and worker in one process), in ms, from /proc — a figure
 * that holds on a shared machine where latency does not (docs/scaling.md). Starts its own dev
 * server and database, submits and receives a few hundred dossiers, then calls each route in turn
 * from 4 clients and divides the process's CPU time, less what it spends idle, by the requests. With
 * BENCH_STACK_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' the stack also writes a V8 CPU profile
 * (open it in Chrome's DevTools, Performance tab); `--only=POST` measures (and profiles) only the
 * routes whose name contains that text. Writes bench/results/route-cpu-<date>.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installRuntime } from '../temporal/connect';
import { api, APPLICANT, citizenTokens, closedLoop, cpuMs, dropDatabase, fmt, loadAvg, log, root, table } from './lib';
import { devTarget } from './targets';

installRuntime();
const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const REQUESTS = arg('requests', 1500);
const CLIENTS = 4;
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-route-cpu-'));
const t = await devTarget(dir, 'motcua_route_cpu');
const pid = t.stack.child.pid!;
let backgroundMsPerSecond: number;
const rows: { route: string; requests: number; errors: number; cpuMsPerRequest: number; p50: number }[] = [];
try {
  const http = api(t.stack.base);
  const citizens = await citizenTokens(100, t.databaseUrl);
  const desk = await http.login('laocai.desk');
  const { body: procedure } = await http.call<{ example: Record<string, unknown> }>('GET', '/procedures/1.001193');
  const submit = async (i: number) => {
    const r = await http.call<{ code: string }>('POST', '/dossiers', {
      token: citizens[i % citizens.length],
      headers: { 'idempotency-key': `cpu-${randomUUID()}` },
      body: { procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant: APPLICANT, form: procedure.example },
    });
    return r.body.code;
  };
  const codes: string[] = [];
  await closedLoop(CLIENTS, 600, async (_c, i) => void codes.push(await submit(i)), 300);
  for (const code of codes.slice(0, 150)) await http.call('POST', `/dossiers/${code}/actions/receive`, { token: desk, body: {} });
  const q = (x: unknown) => encodeURIComponent(JSON.stringify(x));
  const myWork = `/dossiers?filter=${q({ agencyCode: '02647', open: true })}&sort=${q(['dueAt', 'ASC'])}&range=${q([0, 24])}`;
  const routes: [string, (i: number) => Promise<unknown>][] = [
    ['GET /api/dossiers/:code', (i) => http.call('GET', `/dossiers/${codes[i % codes.length]}`, { token: desk })],
    ['GET /api/dossiers/:code/events', (i) => http.call('GET', `/dossiers/${codes[i % codes.length]}/events`, { token: desk })],
    ['GET /api/dossiers (my work)', () => http.call('GET', myWork, { token: desk })],
    ['GET /api/procedures?q=', () => http.call('GET', `/procedures?q=${encodeURIComponent('khai sinh')}&range=${q([0, 9])}`)],
    ['GET /api/health', () => http.call('GET', '/health')],
    ['POST /api/dossiers (submission, its workflow started and first task run)', (i) => submit(10_000 + i)],
  ];
  // What the process burns doing nothing (the worker's pollers, timers, GC): taken off each route.
  const idle0 = cpuMs(pid);
  await new Promise((r) => setTimeout(r, 5000));
  backgroundMsPerSecond = (cpuMs(pid) - idle0) / 5;
  log(`idle: ${fmt(backgroundMsPerSecond, 1)} CPU ms per second`);
  for (const [route, call] of routes.filter(([name]) => !ONLY || name.includes(ONLY))) {
    await closedLoop(CLIENTS, 600, async (_c, i) => void (await call(i)), 100); // warm-up: JIT, caches, pools
    const before = cpuMs(pid);
    const t0 = Date.now();
    const n = route.startsWith('POST') ? Math.min(REQUESTS, 400) : REQUESTS;
    const s = await closedLoop(CLIENTS, 600, async (_c, i) => void (await call(i)), n);
    // Let the workflow tasks a submission set off finish inside the measured window.
    if (route.startsWith('POST')) await new Promise((r) => setTimeout(r, 3000));
    const cpu = cpuMs(pid) - before - (backgroundMsPerSecond * (Date.now() - t0)) / 1000;
    rows.push({ route, requests: s.n, errors: s.errors, cpuMsPerRequest: Math.round((cpu / Math.max(1, s.n)) * 100) / 100, p50: s.p50 });
    log(`${route}: ${s.n} requests, ${s.errors} errors, ${fmt(cpu / Math.max(1, s.n), 2)} CPU ms each`);
  }
} finally {
  await t.stop();
  await dropDatabase('motcua_route_cpu');
  rmSync(dir, { recursive: true, force: true });
}
const load = loadAvg();
console.log(`\nCPU per request in the API + worker process, its idle ${fmt(backgroundMsPerSecond, 1)} ms/s taken off (${CLIENTS} clients; load average at the end ${load.join(' / ')})`);
console.log(table(['route', 'requests', 'errors', 'CPU ms / request', 'p50 ms'], rows.map((r) => [r.route, r.requests, r.errors, fmt(r.cpuMsPerRequest, 2), fmt(r.p50)])));
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results', `route-cpu-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), loadAverageAtEnd: load, clients: CLIENTS, backgroundMsPerSecond, rows }, null, 2)}\n`);
log(`written ${path.relative(root, file)}`);
process.exit(rows.some((r) => r.errors > 0) ? 1 : 0);
