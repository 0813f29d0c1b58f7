import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type RunningCluster } from '../support/cluster';

/** Running, not gone and not a zombie waiting for an init that may not reap (containers). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/** The pids `npm run cluster` prints: the server's and each motcua process's. */
function pidsOf(output: string): number[] {
  const server = /temporal-server .* pid (\d+)/.exec(output)?.[1];
  const processes = /processes:\s+(.*)/.exec(output)?.[1] ?? '';
  return [server, ...processes.split(',').map((p) => /(\d+)\s*$/.exec(p.trim())?.[1])].filter((x): x is string => !!x).map(Number);
}

/** `kill -9` of `npm run cluster` (an OOM kill, a closed SSH session) must not leave a Temporal server or workers behind. */
describe('npm run cluster killed hard', () => {
  let cluster: RunningCluster | undefined;
  afterAll(async () => {
    await cluster?.dropDatabases();
  }, 60_000);

  it('takes temporal-server, the API, the workers and the dispatcher down with it', async () => {
    cluster = await startCluster(inject('databaseUrl'), ['--api', '1', '--workers', '1']);
    const pids = pidsOf(cluster.output());
    // temporal-server, one API, one worker, the dispatcher.
    expect(pids, cluster.output()).toHaveLength(4);
    expect(pids.every(alive)).toBe(true);
    cluster.process.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(pids.filter(alive), 'still running after the cluster was killed').toEqual([]);
  }, 300_000);
});
