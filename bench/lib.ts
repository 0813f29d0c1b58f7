/**
 * Shared pieces of `npm run bench` and `npm run chaos`: a Temporal dev server and a fresh
 * PostgreSQL database of their own, the motcua stack in a child process, an HTTP client,
 * percentiles and the machine's load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as argon2 from '@node-rs/argon2';
import postgres from 'postgres';
import { issueToken } from '../api/middleware/auth';
import type { AppContext } from '../api/context';
import { loadEnv } from '../config/env';
import { ensureTemporalTools, freePort, startDevServer, type DevServer } from '../temporal/dev-server';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const ADMIN_PG = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const now = () => performance.now();

export function log(msg: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Drops and recreates `name` on the admin server; returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_PG, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_PG);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string) {
  const admin = postgres(ADMIN_PG, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
}

export async function startTemporal(dbFile: string, port?: number): Promise<DevServer> {
  const { cli } = ensureTemporalTools({ testServer: false });
  return startDevServer({ cli, port: port ?? (await freePort()), dbFile });
}

/** The motcua stack (`runtime/system.ts`: API + worker, or API only) in a child process. */
export interface StackChild {
  child: ChildProcess;
  port: number;
  base: string;
  stop(): Promise<void>;
}

export async function spawnStack(env: Record<string, string>, opts: { worker: boolean; noopWorker?: boolean }): Promise<StackChild> {
  const child = fork(path.join(root, 'bench/stack.ts'), [], {
    // BENCH_STACK_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the stack under load.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_STACK_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: '0', ...env, BENCH_WORKER: opts.worker ? '1' : '0', BENCH_NOOP_WORKER: opts.noopWorker ? '1' : '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (typeof m.port === 'number' ? resolve(m.port) : reject(new Error(`stack: ${JSON.stringify(m)}`))));
    child.once('exit', (code) => reject(new Error(`stack exited early with code ${code}`)));
  });
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}/api`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** CPU time a process (all its threads) has used, utime + stime in ms, from /proc (Linux); 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // USER_HZ = 100
  } catch {
    return 0;
  }
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export const loadAvg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** Waits (up to maxWaitMs) for the 1-minute load average to drop below `below`. */
export async function waitForQuiet(below: number, maxWaitMs: number): Promise<number[]> {
  const until = Date.now() + maxWaitMs;
  let l = loadAvg();
  while (l[0]! >= below && Date.now() < until) {
    log(`load average ${l.join(' ')} ≥ ${below}; waiting for the machine to quieten…`);
    await sleep(15_000);
    l = loadAvg();
  }
  return l;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Latency statistics

export interface Stats {
  n: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], errors: number, seconds: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    errors,
    seconds: r(seconds),
    perSecond: r(s.length / seconds),
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? NaN),
  };
}

/**
 * `clients` concurrent loops calling `op` until `seconds` have passed (or `maxOps` were started).
 * Latency in ms of each successful op; a thrown op counts as an error.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  op: (client: number, i: number) => Promise<void>,
  maxOps = Infinity,
): Promise<Stats & { firstErrors: string[]; latencies: number[] }> {
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  let started = 0;
  const t0 = now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (now() < deadline && started < maxOps) {
        const i = started++;
        const t = now();
        try {
          await op(c, i);
          latencies.push(now() - t);
        } catch (err) {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(String((err as Error).message ?? err).slice(0, 300));
        }
      }
    }),
  );
  return { ...summarize(latencies, errors, (now() - t0) / 1000), firstErrors, latencies };
}

/**
 * Closed loops of several operations taking turns (a, b, c, a, b, c, ...) for `rounds` rounds of
 * `seconds / rounds` each: on a machine whose load drifts, each figure and its baseline see the
 * same conditions, so their ratio holds even when the absolute figures do not.
 */
export async function alternating<K extends string>(
  rounds: number,
  clients: number,
  seconds: number,
  ops: Record<K, (client: number, i: number) => Promise<void>>,
): Promise<Record<K, Stats & { firstErrors: string[] }>> {
  const parts = new Map<K, (Stats & { firstErrors: string[]; latencies: number[] })[]>();
  let offset = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [name, op] of Object.entries(ops) as [K, (c: number, i: number) => Promise<void>][]) {
      const base = offset;
      const part = await closedLoop(clients, seconds / rounds, (c, i) => op(c, base + i));
      offset += part.n + part.errors;
      parts.set(name, [...(parts.get(name) ?? []), part]);
    }
  }
  const out = {} as Record<K, Stats & { firstErrors: string[] }>;
  for (const [name, ps] of parts) {
    const merged = summarize(ps.flatMap((p) => p.latencies), ps.reduce((n, p) => n + p.errors, 0), ps.reduce((n, p) => n + p.seconds, 0));
    out[name] = { ...merged, firstErrors: ps.flatMap((p) => p.firstErrors).slice(0, 3) };
  }
  return out;
}

/**
 * Every figure in a bench's results that counted errors (any object with `errors > 0`), by its
 * path: run.ts fails the run on each, whichever scenario it comes from.
 */
export function erroredStats(results: unknown, at = ''): { path: string; errors: number; firstErrors: string[] }[] {
  if (results === null || typeof results !== 'object') return [];
  const o = results as Record<string, unknown>;
  const here = typeof o.errors === 'number' && o.errors > 0 ? [{ path: at || '(results)', errors: o.errors, firstErrors: Array.isArray(o.firstErrors) ? o.firstErrors.map(String) : [] }] : [];
  const label = (k: string) => (Array.isArray(results) ? `${at}[${typeof o[k] === 'object' && o[k] && 'name' in (o[k] as object) ? String((o[k] as { name: unknown }).name) : k}]` : at ? `${at}.${k}` : k);
  return [...here, ...Object.keys(o).flatMap((k) => erroredStats(o[k], label(k)))];
}

// ---------------------------------------------------------------------------------------------
// HTTP

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

export interface Api {
  base: string;
  call<T = unknown>(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string; timeoutMs?: number }): Promise<{ status: number; body: T; headers: Headers }>;
  login(username: string, password?: string): Promise<string>;
}

export function api(base: string): Api {
  async function call<T>(method: string, url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string; timeoutMs?: number } = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000) });
    const text = await res.text();
    if (res.status >= 400) throw new HttpError(res.status, text);
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }
  return {
    base,
    call,
    async login(username, password = 'motcua123') {
      const r = await call<{ token: string }>('POST', '/auth/login', { body: { username, password } });
      return r.body.token;
    },
  };
}

export const APPLICANT = { fullName: 'Hà Văn Khánh', idNumber: '010203009876', phone: '0987654321' };

export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return x.toFixed(digits);
}

/** A plain-text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(cells[0]!), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * Session tokens of `n` synthetic citizens (u-bench-citizen-<i>), signed with the API's
 * JWT_SECRET as /auth/login would, and POST /dossiers is limited to 20 submissions per minute
 * per user, so a load test needs many citizens, not one. Tokens are checked against their user's
 * row (token_version, api/sessions.ts), so the citizens are created in the database first, with a
 * password nobody knows.
 */
export async function citizenTokens(n: number, databaseUrl: string): Promise<string[]> {
  const ctx = { env: loadEnv() } as AppContext;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const hash = await argon2.hash(randomUUID());
    const rows = Array.from({ length: n }, (_, i) => ({ id: `u-bench-citizen-${i}`, username: `bench.citizen.${i}`, full_name: `Công dân ${i}`, role: 'citizen', password_hash: hash }));
    await sql`insert into users ${sql(rows)} on conflict (id) do nothing`;
    const versions = new Map((await sql<{ id: string; token_version: number }[]>`select id, token_version from users where id like 'u-bench-citizen-%'`).map((r) => [r.id, r.token_version]));
    return await Promise.all(
      rows.map((r) => issueToken(ctx, { id: r.id, username: r.username, fullName: r.full_name, role: 'citizen', agencyCode: null }, versions.get(r.id) ?? 0)),
    );
  } finally {
    await sql.end();
  }
}
