/**
 * `npm run build:workflows [-- --check]`: bundles the workflows once into dist/workflow-bundle.js
 * with its manifest (worker/workflow-bundle.ts), so that workers start from it instead of
 * bundling at every start. Run by the Docker build; `npm start` and scripts/worker.ts also save
 * one when they had to bundle. `--check` only says whether the bundle on disk is fresh (exit 1
 * when stale), e.g. before shipping an image built elsewhere.
 */
import path from 'node:path';
import { BUNDLE_DIR, buildWorkflowBundle, checkWorkflowBundle, saveWorkflowBundle } from '../worker/workflow-bundle';

if (process.argv.includes('--check')) {
  const check = checkWorkflowBundle();
  console.log(check.fresh ? `workflow bundle is fresh (${check.manifest.sources.length} source files, built ${check.manifest.builtAt})` : `workflow bundle is stale: ${check.reason}`);
  process.exit(check.fresh ? 0 : 1);
}

const t0 = performance.now();
// A file saved while webpack read it makes an inconsistent build: try again rather than ship it.
for (let attempt = 1; ; attempt++) {
  const built = await buildWorkflowBundle();
  if (built.consistent) {
    const file = saveWorkflowBundle(built, BUNDLE_DIR);
    const mib = (built.code.length / 2 ** 20).toFixed(1);
    console.log(`${path.relative(process.cwd(), file)}: ${mib} MiB from ${built.manifest.sources.length} source files in ${Math.round(performance.now() - t0)} ms`);
    break;
  }
  if (attempt === 3) {
    console.error('workflow sources kept changing while they were bundled; nothing written');
    process.exit(1);
  }
}
