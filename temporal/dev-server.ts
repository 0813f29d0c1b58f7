import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Paths of the cached Temporal tools, fetched (or built) first when missing. The CLI version is
 * scripts/setup-temporal.sh's default unless TEMPORAL_CLI_VERSION names another one.
 */
export function ensureTemporalTools(opts: { testServer: boolean }): { cli: string; testServer: string } {
  const res = spawnSync('bash', [path.join(root, 'scripts/setup-temporal.sh')], {
    env: { ...process.env, TEMPORAL_ADDRESS: '', MOTCUA_SKIP_TEST_SERVER: opts.testServer ? '0' : '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error('could not set up the Temporal tools (see the messages above)');
  const vars = Object.fromEntries(
    res.stdout.split('\n').filter((l) => l.includes('=')).map((l) => l.split('=', 2) as [string, string]),
  );
  return { cli: vars.TEMPORAL_CLI!, testServer: vars.TEMPORAL_TEST_SERVER! };
}

export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host, () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

export async function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isListening(port, host)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface DevServer {
  address: string;
  /** The Temporal Web UI it serves, when started with `ui`. */
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Write-ahead logging: readers no longer wait for the writer, which doubles the dev server's
 * workflow starts per second on this machine (42 → 74/s at 20 clients, synchronous stays FULL,
 * so a committed start survives a crash).
 */
const SQLITE_PRAGMAS = ['--sqlite-pragma', 'journal_mode=wal'];

/** The dev server's own convention: the Web UI listens 1000 above the gRPC port (7233 → 8233). */
export const uiPortFor = (port: number) => port + 1000;

/**
 * Starts `temporal server start-dev` on loopback with a persistent SQLite file. Headless unless
 * `ui` gives the Web UI a port (npm start does, so officers can open a dossier's workflow there).
 */
export async function startDevServer(opts: { cli: string; port: number; dbFile: string; ui?: { port: number }; log?: 'inherit' | 'ignore' }): Promise<DevServer> {
  if (!existsSync(opts.cli)) throw new Error(`Temporal CLI not found at ${opts.cli}`);
  const ui = opts.ui ? ['--ui-port', String(opts.ui.port)] : ['--headless'];
  const child = spawn(
    opts.cli,
    ['server', 'start-dev', ...ui, '--ip', '127.0.0.1', '--port', String(opts.port), '--db-filename', opts.dbFile, '--http-port', String(await freePort()), '--metrics-port', String(await freePort()), '--log-level', 'error', ...SQLITE_PRAGMAS],
    { stdio: ['ignore', opts.log ?? 'ignore', opts.log === 'inherit' ? 'inherit' : 'pipe'] },
  );
  // Keep the tail of stderr so an early exit says why (port taken, unwritable database file...).
  let stderrTail = '';
  child.stderr?.on('data', (b: Buffer) => (stderrTail = (stderrTail + b.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitForPort(opts.port),
    exited.then(() => {
      throw new Error(`temporal server exited early (code ${child.exitCode}): ${stderrTail.trim()}`);
    }),
  ]);
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: opts.ui ? `http://127.0.0.1:${opts.ui.port}` : undefined,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
