/**
 * The production rehearsal for chaos: `npm run cluster` (temporal-server on PostgreSQL, N API and
 * M worker processes, the outbox dispatcher) on a fresh database. Its own supervisor restarts a
 * process that dies (scripts/cluster.ts); here we only pick a victim among its children and kill it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ADMIN_PG, log } from '../../bench/lib';
import { startCluster } from '../../test/support/cluster';
import type { Rig } from './rig';

/** What each kind of process runs, as its command line shows it. */
const COMMANDS = { api: 'scripts/api.ts', worker: 'scripts/worker.ts', temporal: 'temporal-server' } as const;

/** The live children of `parent` whose command line contains `needle` (from /proc: Linux). */
export function childrenRunning(parent: number, needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== parent || state === 'Z') continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) found.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

export async function clusterRig(o: { apis: number; workers: number; keepDb: boolean }): Promise<Rig> {
  const cluster = await startCluster(ADMIN_PG, ['--api', String(o.apis), '--workers', String(o.workers)]);
  const primary = cluster.process.pid!;
  return {
    shape: `npm run cluster -- --api ${o.apis} --workers ${o.workers} (temporal-server 1.29.1 on PostgreSQL; its supervisor restarts what dies)`,
    base: `${cluster.baseUrl}/api`,
    databaseUrl: cluster.databaseUrl,
    temporalAddress: cluster.temporalAddress,
    namespace: 'default',
    faults: ['api', 'worker', 'temporal'],
    async kill(kind) {
      // The one being restarted may not be back yet: wait for a live one.
      let pids: number[] = [];
      for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        pids = childrenRunning(primary, COMMANDS[kind]);
        if (pids.length) break;
      }
      const pid = pids[Math.floor(Math.random() * pids.length)];
      if (pid === undefined) return `no live ${kind} process within 60 s`;
      process.kill(pid, 'SIGKILL');
      return `pid ${pid} (of ${pids.length})`;
    },
    async stop() {
      // What its supervisor saw and did, for the report: deaths, restarts, their new pids.
      for (const line of cluster.output().split('\n')) if (/^\[cluster\] .*(exited|is pid|stopping the cluster)/.test(line)) log(`chaos: ${line}`);
      await cluster.stop();
      if (!o.keepDb) await cluster.dropDatabases();
    },
  };
}
