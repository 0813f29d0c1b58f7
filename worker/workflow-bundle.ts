/**
 * The workflow bundle, built once (`npm run build:workflows`, the Docker image) and reused by
 * every worker start while it still matches the sources: Worker.create takes ~1 s with it, ~5–7 s
 * when it bundles.
 *
 * A stale bundle would run old workflow code against new dossiers, so freshness is checked by
 * content, not by dates: the manifest beside the bundle lists every file webpack read while
 * building it (our workflows and domain/, and the zod and Temporal files they pull in) with the
 * SHA-256 of the bytes it read, and the paths webpack looked for and did not find. A start uses
 * the bundle only when every one of those files still has that hash, none of the missing paths
 * has appeared (a new file that would change an import's resolution), and the bundle file itself
 * matches its recorded hash; otherwise it bundles the current sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Logger as SdkLogger } from '@temporalio/common';
import type { Logger } from 'pino';

const root = fileURLToPath(new URL('..', import.meta.url));
export const workflowsPath = path.join(root, 'workflows/index.ts');
/** Outside the sources (git-ignored); `COPY . .` in the Dockerfile is followed by a fresh build. */
export const BUNDLE_DIR = path.join(root, 'dist');
const CODE_FILE = 'workflow-bundle.js';
const MANIFEST_FILE = 'workflow-bundle.json';

/**
 * Modules loaded once per workflow thread and shared by every dossier it runs (the SDK's
 * reuseV8Context `preloadModules`) instead of being instantiated again for each run: our pure
 * domain and procedure modules, and with the procedures' form schemas, zod. Without this, every
 * cached dossier held its own copy of them: ~1.4 MiB of RSS per cached dossier instead of ~170 KiB,
 * and zod's constructors and their garbage took most of each first activation's CPU (footprint
 * bench, README "Performance").
 * Only modules without per-run state belong here: the SDK deep-freezes their exports, and a
 * module-level variable would be shared by all dossiers (the replay suite runs on this bundle).
 * dossier.workflow.ts itself, which holds the per-run handlers, is never preloaded.
 * Paths are relative to the repository root. (A bare 'zod' entry would be dropped by webpack:
 * the package declares itself free of side effects.)
 */
const PRELOAD = ['domain/calendar/index.ts', 'domain/lifecycle/index.ts', 'domain/actor.ts', 'workflows/legacy-rules.ts', 'workflows/messages.ts'];
/** Bundler options that change the output besides the sources: part of the manifest. */
const BUNDLE_OPTIONS = { ignoreModules: [] as string[], preloadModules: PRELOAD };
/** The options every bundle of the dossier workflows is built with (the workflow test suites' too). */
export const bundlerOptions = () => ({
  ignoreModules: BUNDLE_OPTIONS.ignoreModules,
  preloadModules: PRELOAD.map((m) => path.join(root, m)),
});
const FORMAT = 1;
const SDK_VERSION = (createRequire(import.meta.url)('@temporalio/worker/package.json') as { version: string }).version;

export interface BundleManifest {
  format: number;
  sdk: string;
  options: typeof BUNDLE_OPTIONS;
  codeSha256: string;
  /** Every file webpack read, relative to the repository root, with the SHA-256 of what it read. */
  sources: { path: string; sha256: string }[];
  /** Paths webpack tried and did not find (resolution candidates). */
  absent: string[];
  builtAt: string;
}

export interface BuiltBundle {
  code: string;
  manifest: BundleManifest;
  /** False when a source changed while webpack was reading it: usable once, not worth saving. */
  consistent: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const rel = (p: string) => path.relative(root, p);

type Callback = (err: unknown, data?: unknown) => void;
interface InputFs {
  readFile(p: string, ...rest: unknown[]): void;
}
interface CompilerLike {
  inputFileSystem: unknown;
  hooks: {
    run: { tap(name: string, fn: (c: CompilerLike) => void): void };
    afterCompile: { tap(name: string, fn: (c: { missingDependencies: Iterable<string> }) => void): void };
  };
}

/** A webpack plugin that records the bytes of every file the compilation reads. */
class SourceRecorder {
  readonly read = new Map<string, string>();
  readonly changedWhileReading = new Set<string>();
  missing: string[] = [];

  apply(compiler: CompilerLike) {
    // The SDK sets its input file system after creating the compiler: wrap it when the run starts.
    compiler.hooks.run.tap('motcua-sources', (c) => {
      const fs = c.inputFileSystem as InputFs;
      c.inputFileSystem = new Proxy(fs, {
        get: (target, prop) => {
          if (prop === 'readFile') return (p: string, ...rest: unknown[]) => this.readFile(target, p, rest);
          const value = Reflect.get(target, prop) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    });
    compiler.hooks.afterCompile.tap('motcua-sources', (compilation) => {
      this.missing = [...compilation.missingDependencies];
    });
  }

  private readFile(fs: InputFs, p: string, rest: unknown[]) {
    const cb = rest.pop() as Callback;
    fs.readFile(p, ...rest, (err: unknown, data?: unknown) => {
      if (!err && (typeof data === 'string' || Buffer.isBuffer(data))) {
        const h = sha256(data);
        const before = this.read.get(p);
        if (before !== undefined && before !== h) this.changedWhileReading.add(p);
        this.read.set(p, h);
      }
      cb(err, data);
    });
  }
}

/** The SDK's bundler logs through this: webpack's report at debug, problems as they are. */
function sdkLogger(log?: Logger): SdkLogger {
  const at = (level: 'debug' | 'warn' | 'error') => (message: string, meta?: object) => log?.[level]({ ...meta, sdkComponent: 'bundler' }, message);
  return {
    log: (level, message, meta) => at(level === 'WARN' ? 'warn' : level === 'ERROR' ? 'error' : 'debug')(message, meta),
    trace: at('debug'),
    debug: at('debug'),
    info: at('debug'),
    warn: at('warn'),
    error: at('error'),
  };
}

/** Bundles the workflows now and describes exactly what went in. */
export async function buildWorkflowBundle(log?: Logger): Promise<BuiltBundle> {
  const recorder = new SourceRecorder();
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...bundlerOptions(),
    logger: sdkLogger(log),
    webpackConfigHook: (config) => ({ ...config, plugins: [...(config.plugins ?? []), recorder] }),
  });
  // Only real files: the SDK's generated entry point lives in an in-memory file system.
  const sources = [...recorder.read]
    .filter(([p]) => existsSync(p))
    .map(([p, h]) => ({ path: rel(p), sha256: h }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const absent = [...new Set(recorder.missing)].filter((p) => !existsSync(p)).map(rel).sort();
  const manifest: BundleManifest = { format: FORMAT, sdk: SDK_VERSION, options: BUNDLE_OPTIONS, codeSha256: sha256(code), sources, absent, builtAt: new Date().toISOString() };
  return { code, manifest, consistent: recorder.changedWhileReading.size === 0 && sources.length > 0 };
}

/** Writes bundle and manifest, each by rename: a reader sees whole files, and a mismatched pair fails the code hash. */
export function saveWorkflowBundle(built: BuiltBundle, dir = BUNDLE_DIR): string {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string) => {
    const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, path.join(dir, name));
  };
  put(CODE_FILE, built.code);
  put(MANIFEST_FILE, `${JSON.stringify(built.manifest, null, 1)}\n`);
  return path.join(dir, CODE_FILE);
}

export type BundleCheck = { fresh: true; code: string; manifest: BundleManifest } | { fresh: false; reason: string };

/** The pre-built bundle if it was built from exactly the sources on disk now. */
export function checkWorkflowBundle(dir = BUNDLE_DIR): BundleCheck {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
  } catch {
    return { fresh: false, reason: `no pre-built bundle in ${rel(dir) || '.'}/` };
  }
  if (manifest.format !== FORMAT || manifest.sdk !== SDK_VERSION) return { fresh: false, reason: `built by SDK ${manifest.sdk}, this is ${SDK_VERSION}` };
  if (JSON.stringify(manifest.options) !== JSON.stringify(BUNDLE_OPTIONS)) return { fresh: false, reason: 'built with other bundler options' };
  for (const s of manifest.sources) {
    let now: string;
    try {
      now = sha256(readFileSync(path.resolve(root, s.path)));
    } catch {
      return { fresh: false, reason: `${s.path} no longer exists` };
    }
    if (now !== s.sha256) return { fresh: false, reason: `${s.path} changed since the bundle was built` };
  }
  const appeared = manifest.absent.find((p) => existsSync(path.resolve(root, p)));
  if (appeared) return { fresh: false, reason: `${appeared} appeared since the bundle was built` };
  let code: string;
  try {
    code = readFileSync(path.join(dir, CODE_FILE), 'utf8');
  } catch {
    return { fresh: false, reason: `${CODE_FILE} is missing` };
  }
  if (sha256(code) !== manifest.codeSha256) return { fresh: false, reason: `${CODE_FILE} does not match its manifest` };
  return { fresh: true, code, manifest };
}

export interface WorkflowCode {
  code: string;
  source: 'pre-built' | 'bundled at start';
  /** Why the pre-built bundle was not used. */
  reason?: string;
  ms: number;
}

/**
 * The code a worker runs: the pre-built bundle when fresh, else the current sources bundled now
 * (and saved for the next start when `save` and the directory is writable). `prebuilt: false`
 * always bundles (the benchmark's baseline).
 */
export async function workflowCode(opts: { log?: Logger; prebuilt?: boolean; save?: boolean; dir?: string } = {}): Promise<WorkflowCode> {
  const t0 = performance.now();
  const dir = opts.dir ?? BUNDLE_DIR;
  const check: BundleCheck = opts.prebuilt === false ? { fresh: false, reason: 'asked to bundle at start' } : checkWorkflowBundle(dir);
  if (check.fresh) return { code: check.code, source: 'pre-built', ms: performance.now() - t0 };
  const built = await buildWorkflowBundle(opts.log);
  if (opts.save && built.consistent) {
    try {
      saveWorkflowBundle(built, dir);
    } catch (err) {
      // A read-only image or volume: this start works, the next one bundles again.
      opts.log?.warn({ err: String(err) }, 'could not save the workflow bundle for the next start');
    }
  }
  return { code: built.code, source: 'bundled at start', reason: check.reason, ms: performance.now() - t0 };
}
