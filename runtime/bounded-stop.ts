/** Extra time past the worker's forced shutdown for closing connections and the dev server. */
export const EXIT_MARGIN_MS = 5_000;

/**
 * Runs `stop`, but never waits more than `ms` for it: a hung connection or an activity that
 * ignores cancellation must not keep `npm start` (or a container) from exiting, where an
 * orchestrator would SIGKILL it mid-write instead. `forced` says the deadline won.
 */
export async function stopWithin(stop: () => Promise<void>, ms: number): Promise<'stopped' | 'forced'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([stop().then(() => 'stopped' as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
