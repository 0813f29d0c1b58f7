import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyFromObject } from '../support/workflows/history-codec';
import { installRuntime } from '../support/workflows/workflow-runtime';
import { buildWorkflowBundle, checkWorkflowBundle, saveWorkflowBundle, type BuiltBundle } from '../../worker/workflow-bundle';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const historiesDir = path.join(root, 'test/histories');

describe('the pre-built workflow bundle', () => {
  let built: BuiltBundle;
  let tmp: string;
  beforeAll(async () => {
    built = await buildWorkflowBundle();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-bundle-test-'));
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** The real bundle, saved in `dir` with its manifest's sources and absent paths replaced. */
  function saveWith(dir: string, over: Partial<BuiltBundle['manifest']>) {
    saveWorkflowBundle({ ...built, manifest: { ...built.manifest, ...over } }, dir);
  }
  const fixture = (name: string) => {
    const dir = mkdtempSync(path.join(tmp, `${name}-`));
    const source = path.join(dir, 'source.ts');
    writeFileSync(source, 'export const rule = 1;\n');
    const rel = (p: string) => path.relative(root, p);
    const sha = checkSourceSha(source);
    return { dir, source, rel, sha };
  };

  it('records every file the workflows are built from, ours and the libraries', () => {
    const paths = built.manifest.sources.map((s) => s.path);
    expect(built.consistent).toBe(true);
    expect(paths).toContain('workflows/dossier.workflow.ts');
    expect(paths).toContain('workflows/legacy-rules.ts');
    expect(paths).toContain('domain/lifecycle/index.ts');
    expect(paths.some((p) => p.startsWith('node_modules/@temporalio/workflow/'))).toBe(true);
    // The interpreter only: procedure definitions, forms and zod stay out of the sandbox.
    expect(paths.some((p) => p.startsWith('procedures/'))).toBe(false);
    expect(paths.some((p) => p.startsWith('node_modules/zod/'))).toBe(false);
    expect(built.manifest.absent.length).toBeGreaterThan(0);
  });

  it('is used while the sources are those it was built from', () => {
    saveWorkflowBundle(built, path.join(tmp, 'fresh'));
    const check = checkWorkflowBundle(path.join(tmp, 'fresh'));
    expect(check.fresh).toBe(true);
    if (check.fresh) expect(check.code).toBe(built.code);
  });

  it('is stale once one of its source files changes, even by a byte', () => {
    const f = fixture('changed');
    saveWith(f.dir, { sources: [{ path: f.rel(f.source), sha256: f.sha }] });
    expect(checkWorkflowBundle(f.dir).fresh).toBe(true);
    writeFileSync(f.source, 'export const rule = 2;\n');
    expect(checkWorkflowBundle(f.dir)).toEqual({ fresh: false, reason: `${f.rel(f.source)} changed since the bundle was built` });
  });

  it('is stale once a file appears where an import was looked up and not found', () => {
    const f = fixture('appeared');
    const shadow = path.join(f.dir, 'rules.ts');
    saveWith(f.dir, { sources: [], absent: [f.rel(shadow)] });
    expect(checkWorkflowBundle(f.dir).fresh).toBe(true);
    writeFileSync(shadow, 'export const rule = 3;\n');
    expect(checkWorkflowBundle(f.dir)).toEqual({ fresh: false, reason: `${f.rel(shadow)} appeared since the bundle was built` });
  });

  it('is stale when the bundle file does not match its manifest, or is missing', () => {
    const f = fixture('torn');
    saveWith(f.dir, { sources: [] });
    writeFileSync(path.join(f.dir, 'workflow-bundle.js'), `${built.code}\n// another build`);
    expect(checkWorkflowBundle(f.dir)).toEqual({ fresh: false, reason: 'workflow-bundle.js does not match its manifest' });
    expect(checkWorkflowBundle(path.join(tmp, 'nothing-here')).fresh).toBe(false);
  });

  // The preloaded modules are shared and deep-frozen: the recorded histories must still replay.
  it.each(readdirSync(historiesDir).filter((f) => f.endsWith('.json')).sort())('replays %s', async (file) => {
    installRuntime();
    const history = historyFromObject(JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')));
    await Worker.runReplayHistory(
      { workflowBundle: { code: built.code }, replayName: file, logger: new DefaultLogger('WARN') } as Parameters<typeof Worker.runReplayHistory>[0],
      history,
      file.replace(/\.json$/, ''),
    );
  });
});

function checkSourceSha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
