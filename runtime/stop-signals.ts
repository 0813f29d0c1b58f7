import type { Logger } from 'pino';
import { stopWithin } from './bounded-stop';

/**
 * Runs `stop` once on SIGINT or SIGTERM — or when the parent that forked this process goes away
 * (`npm run cluster` killed hard must not leave its API and worker processes behind) — and exits
 * when it is done, or after `withinMs` whatever still hangs.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>, withinMs: number): void {
  let stopping = false;
  const onSignal = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason, withinMs }, 'stopping');
    const outcome = await stopWithin(stop, withinMs).catch((err: unknown) => {
      log.error({ err }, 'stopping failed');
      return 'failed' as const;
    });
    if (outcome === 'forced') log.error('stop did not finish in time; exiting anyway');
    process.exit(outcome === 'stopped' ? 0 : 1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void onSignal(signal));
  if (process.channel) process.on('disconnect', () => void onSignal('parent gone'));
}
