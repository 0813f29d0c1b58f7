import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under a folder (sources of a UI). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds the back office and the portal when their build is missing or older than their sources,
 * so `npm install && npm start` serves them on a fresh clone without a separate build step.
 */
export function ensureUiBuilds(log: (msg: string) => void = console.log): void {
  for (const ui of ['admin-ui', 'portal'] as const) {
    const index = path.join(ui, 'dist', 'index.html');
    // The UIs import domain/ too (statuses, calendar): a change there also makes a build stale.
    const sourcesAt = Math.max(newest(path.join(ui, 'src')), newest('domain'));
    if (existsSync(index) && statSync(index).mtimeMs >= sourcesAt) continue;
    log(`building ${ui} (first start, or its sources changed)...`);
    const res = spawnSync('npx', ['vite', 'build', '--config', path.join(ui, 'vite.config.ts'), '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (res.status !== 0) throw new Error(`building ${ui} failed (see above); run: npm run build`);
  }
}
