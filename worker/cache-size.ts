import os from 'node:os';

const MiB = 2 ** 20;

/**
 * Resident memory per cached dossier workflow, measured by the footprint bench (`npm run bench --
 * --only footprint`, README "Performance"): ~160 KiB live once the pure modules are shared
 * (worker/workflow-bundle.ts PRELOAD), ~630 KiB of RSS per cache slot in a worker that has
 * evicted and replayed thousands of runs (V8 lets the heap grow before collecting). The budget
 * uses the second figure, which leaves room for that growth.
 */
export const CACHED_WORKFLOW_MIB = 0.6;
/** Share of the process's memory the sticky cache may take; the rest is Node, activities, the API. */
const CACHE_SHARE = 0.25;
/**
 * At least the SDK's 40 concurrent workflow tasks (it lowers those to the cache size otherwise).
 * At most 1,000: dossiers sleep for days between steps, an evicted one replays its short history
 * (tens of events, ~10–20 ms of CPU) when a timer or an officer wakes it, so a larger cache only
 * holds memory for workflows that are not running.
 */
const MIN = 50;
const MAX = 1_000;

/**
 * The sticky cache size when WORKER_MAX_CACHED_WORKFLOWS is unset. The SDK's own default follows
 * the V8 heap limit (600 workflows per GiB of it: 2,310 on a 24 GiB machine) whatever the
 * container's memory; this one follows the memory the process may really use, and stops at the
 * number of dossiers worth keeping warm.
 */
export function defaultMaxCachedWorkflows(memoryBytes = availableMemoryBytes()): number {
  const fits = Math.floor(((memoryBytes / MiB) * CACHE_SHARE) / CACHED_WORKFLOW_MIB);
  return Math.min(MAX, Math.max(MIN, fits));
}

/** The machine's memory, or the container's (cgroup) limit when lower. */
export function availableMemoryBytes(): number {
  const total = os.totalmem();
  // libuv's cgroup v1/v2 limit; 0, or 2^64 - 1 when the process is not constrained.
  const limit = process.constrainedMemory();
  return limit > 0 && limit < total ? limit : total;
}
