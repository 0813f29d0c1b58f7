/**
 * The CPU a stack under test spends, from /proc: every process of its trees (the stack, its
 * Temporal server, a cluster's API and worker processes) and the PostgreSQL backends serving its
 * databases. The bench's own clients are not counted, neither for a scenario nor for its baseline.
 * What the other engineers on a shared machine run is not counted either, so per-core figures
 * hold where wall-clock rates do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import postgres from 'postgres';
import { ADMIN_PG, cpuMs } from './lib';

/** The roots and their descendants, by parent pid, from /proc. */
function processTree(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the tree was read.
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  roots.forEach(visit);
  return out;
}

async function snapshot(roots: number[], databases: string[]): Promise<Map<number, number>> {
  const pg = postgres(ADMIN_PG, { max: 1, onnotice: () => {} });
  try {
    const backends = (await pg<{ pid: number }[]>`select pid from pg_stat_activity where datname = any(${databases})`).map((r) => r.pid);
    return new Map([...processTree(roots), ...backends].map((pid) => [pid, cpuMs(pid)]));
  } finally {
    await pg.end();
  }
}

/** Starts counting; the returned function gives the CPU ms spent since (a backend gone meanwhile is lost). */
export async function cpuMeter(roots: number[], databases: string[]): Promise<() => Promise<number>> {
  const before = await snapshot(roots, databases);
  return async () => {
    const after = await snapshot(roots, databases);
    let ms = 0;
    for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
    return ms;
  };
}
