import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIREMENTS = fileURLToPath(new URL('./schemathesis-requirements.txt', import.meta.url));

/**
 * The Python of a venv with schemathesis, created on first use from the pinned requirements and
 * cached outside the repo (`~/.cache/motcua/schemathesis-<hash of the requirements>`), like the
 * Temporal tools. Needs `python3` with venv (Debian: python3-venv) and PyPI; ~30 s cold.
 */
export function ensureSchemathesis(): string {
  const hash = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex').slice(0, 12);
  const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'motcua');
  const venv = path.join(cache, `schemathesis-${hash}`);
  const python = path.join(venv, 'bin', 'python');
  // The marker is written last: a venv whose install was cut short is rebuilt.
  const done = path.join(venv, '.installed');
  if (existsSync(done)) return python;
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const sh = (cmd: string, args: string[]) => {
    const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
    if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.error?.message ?? `exit ${res.status}`}); schemathesis needs python3 with venv (Debian: apt-get install python3-venv) and PyPI`);
  };
  sh(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv]);
  sh(python, ['-m', 'pip', 'install', '--quiet', '--no-input', '--disable-pip-version-check', '-r', REQUIREMENTS]);
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return python;
}

export interface SchemathesisRun {
  /** Who the run signs in as (for the summary). */
  name: string;
  schemaUrl: string;
  /** schemathesis.toml contents: seed, examples, checks, dictionaries, per-operation parameters. */
  config: string;
  /** Extra CLI arguments: `-H`, `--include-tag`, `--phases`… */
  args: string[];
}

export interface Interaction {
  /** `GET /api/dossiers/{code}`: the scenario's operation. */
  operation: string;
  /** The request's own method: the coverage phase also tries ones the path does not serve. */
  method: string;
  status: number | null;
}

export interface SchemathesisResult {
  name: string;
  exitCode: number | null;
  /** What schemathesis printed: the failures section with curl reproductions, the warnings. */
  output: string;
  interactions: Interaction[];
  /** `ST101 Server error` … with the operation it failed on. */
  failures: { operation: string; check: string }[];
  ms: number;
}

/**
 * Runs `schemathesis run` as a child process (asynchronously: the API under test serves from
 * this very process) and reads its NDJSON event report for the summary.
 */
export async function runSchemathesis(python: string, run: SchemathesisRun): Promise<SchemathesisResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-fuzz-'));
  const configFile = path.join(dir, 'schemathesis.toml');
  writeFileSync(configFile, run.config);
  const argv = ['-m', 'schemathesis.cli', '--config-file', configFile, '--no-color', 'run', run.schemaUrl, ...run.args, '--report', 'ndjson', '--report-dir', dir];
  const t0 = Date.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    // cwd in the temporary folder: anything schemathesis or hypothesis writes stays out of the repo.
    const child = spawn(python, argv, { cwd: dir, env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, output: out }));
  });
  const ms = Date.now() - t0;
  const report = readdirSync(dir).find((f) => f.endsWith('.ndjson'));
  const { interactions, failures } = report ? readReport(path.join(dir, report)) : { interactions: [], failures: [] };
  rmSync(dir, { recursive: true, force: true });
  return { name: run.name, exitCode: code, output, interactions, failures, ms };
}

interface Recorder {
  label: string;
  interactions?: Record<string, { request: { method: string; uri: string }; response?: { status_code: number } | null }>;
  checks?: Record<string, { name: string; status: string }[]>;
}

function readReport(file: string) {
  const interactions: Interaction[] = [];
  const failures: { operation: string; check: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: { recorder: Recorder } }).ScenarioFinished;
    for (const i of Object.values(recorder.interactions ?? {})) {
      interactions.push({ operation: recorder.label, method: i.request.method, status: i.response?.status_code ?? null });
    }
    for (const checks of Object.values(recorder.checks ?? {})) {
      for (const c of checks) if (c.status === 'failure') failures.push({ operation: recorder.label, check: c.name });
    }
  }
  return { interactions, failures };
}

/** A TOML string literal (JSON's escapes are TOML's for basic strings). */
export const toml = (value: string | number | boolean | readonly (string | number)[]): string =>
  Array.isArray(value) ? `[${value.map((v) => toml(v)).join(', ')}]` : JSON.stringify(value);
