import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import integrationSetup from '../integration/global-setup';

const UI = path.resolve('admin-ui');
const DIST_INDEX = path.join(UI, 'dist', 'index.html');

/** Newest modification time under `dir` (skipping build output and dependencies). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The browser suites need the back office build (the API serves admin-ui/dist at /admin when it
 * exists at start) and the same services as the integration suites: Temporal dev server + a
 * fresh PostgreSQL database. The build is redone only when a source is newer than it (the UI
 * also imports domain/calendar).
 */
export default async function setup(project: TestProject) {
  const builtAt = existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0;
  const sourcesAt = Math.max(newest(UI), newest(path.resolve('domain/calendar')));
  if (builtAt < sourcesAt) {
    execFileSync('npm', ['run', 'build:admin'], { stdio: 'inherit' });
  }
  return integrationSetup(project);
}
